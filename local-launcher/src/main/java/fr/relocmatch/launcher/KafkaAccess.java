package fr.relocmatch.launcher;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import org.apache.kafka.common.acl.AccessControlEntry;
import org.apache.kafka.common.acl.AclBinding;
import org.apache.kafka.common.acl.AclOperation;
import org.apache.kafka.common.acl.AclPermissionType;
import org.apache.kafka.common.resource.PatternType;
import org.apache.kafka.common.resource.ResourcePattern;
import org.apache.kafka.common.resource.ResourceType;
import org.apache.kafka.common.utils.SecurityUtils;

/**
 * The access table of the Kafka broker ({@code kafka/access.txt}): which principal may do what on
 * which topic or consumer group. Every line allows; nothing else is allowed. The same file feeds
 * the embedded broker and docker-compose's.
 *
 * @param bindings the ACLs of the table, each allowing one operation from any host
 */
public record KafkaAccess(List<AclBinding> bindings) {

    /** The principal the launcher and the operator administer the broker as: the only super user. */
    public static final String ADMIN = "admin";

    /** Reads the table; a line it cannot read is refused with its number. */
    public static KafkaAccess read(Path file) {
        List<String> lines;
        try {
            lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        }
        catch (IOException e) {
            throw new UncheckedIOException("Cannot read the Kafka access table " + file, e);
        }
        List<AclBinding> bindings = new ArrayList<>();
        for (int number = 1; number <= lines.size(); number++) {
            String line = lines.get(number - 1).strip();
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            String[] fields = line.split("\\s+");
            try {
                if (fields.length < 5) {
                    throw new IllegalArgumentException("expected: principal type pattern name operation...");
                }
                ResourceType type = known(ResourceType.fromString(fields[1].toUpperCase(Locale.ROOT)), fields[1]);
                PatternType pattern = known(PatternType.fromString(fields[2].toUpperCase(Locale.ROOT)), fields[2]);
                ResourcePattern resource = new ResourcePattern(type, fields[3], pattern);
                for (String name : Arrays.copyOfRange(fields, 4, fields.length)) {
                    AclOperation operation = known(SecurityUtils.operation(name), name);
                    bindings.add(new AclBinding(resource, new AccessControlEntry("User:" + fields[0], "*", operation,
                            AclPermissionType.ALLOW)));
                }
            }
            catch (IllegalArgumentException e) {
                throw new IllegalArgumentException(file + " line " + number + ": " + e.getMessage() + ": " + line, e);
            }
        }
        return new KafkaAccess(List.copyOf(bindings));
    }

    private static <T extends Enum<T>> T known(T value, String text) {
        if (value.name().equals("UNKNOWN") || value.name().equals("ANY")) {
            throw new IllegalArgumentException("unknown " + value.getDeclaringClass().getSimpleName() + " \"" + text + "\"");
        }
        return value;
    }

    /** Every principal of the table and {@link #ADMIN}, by name (without {@code User:}). */
    Set<String> principals() {
        Set<String> principals = new LinkedHashSet<>();
        principals.add(ADMIN);
        bindings.forEach(binding -> principals.add(binding.entry().principal().substring("User:".length())));
        return principals;
    }
}
