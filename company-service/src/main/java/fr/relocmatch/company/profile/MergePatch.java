package fr.relocmatch.company.profile;

import fr.relocmatch.api.InvalidInputException;
import fr.relocmatch.api.ProblemDetailsAdvice;

import org.springframework.stereotype.Component;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.DatabindException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/** JSON Merge Patch (RFC 7396) of a profile request: objects merge, {@code null} removes, anything else replaces. */
@Component
class MergePatch {

    private final JsonMapper json;

    MergePatch(JsonMapper json) {
        this.json = json;
    }

    CompanyRequest apply(CompanyRequest current, JsonNode patch) {
        if (patch == null || !patch.isObject()) {
            throw InvalidInputException.of("body", "a merge patch is a JSON object");
        }
        JsonNode merged = merge(json.valueToTree(current), patch);
        try {
            return json.treeToValue(merged, CompanyRequest.class);
        }
        catch (DatabindException e) {
            String path = ProblemDetailsAdvice.jsonPath(e.getPath());
            throw InvalidInputException.of(path.isEmpty() ? "body" : path, "cannot be read: " + e.getOriginalMessage());
        }
        catch (JacksonException e) {
            throw InvalidInputException.of("body", "cannot be read: " + e.getOriginalMessage());
        }
    }

    static JsonNode merge(JsonNode target, JsonNode patch) {
        if (!patch.isObject()) {
            return patch;
        }
        ObjectNode result = target != null && target.isObject() ? ((ObjectNode) target).deepCopy()
                : JsonMapper.shared().createObjectNode();
        for (String field : patch.propertyNames()) {
            JsonNode value = patch.get(field);
            if (value.isNull()) {
                result.remove(field);
            }
            else {
                result.set(field, merge(result.get(field), value));
            }
        }
        return result;
    }
}
