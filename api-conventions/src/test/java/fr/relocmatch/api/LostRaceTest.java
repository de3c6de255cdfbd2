package fr.relocmatch.api;

import org.hamcrest.Matchers;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import org.junit.jupiter.api.Test;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Two requests changing one document at once: the one that loses the optimistic lock (or the
 * unique index) gets a 409 problem document that says to read again and retry — never a 500.
 */
class LostRaceTest {

    private final MockMvc mvc = MockMvcBuilders.standaloneSetup(new Racing())
            .setControllerAdvice(new ProblemDetailsAdvice()).build();

    @Test
    void aLostOptimisticLockIsAConflict() throws Exception {
        mvc.perform(post("/things/42/open"))
                .andExpect(status().isConflict())
                .andExpect(content().contentTypeCompatibleWith("application/problem+json"))
                .andExpect(jsonPath("$.type").value(ProblemTypes.CONCURRENT_CHANGE.toString()))
                .andExpect(jsonPath("$.detail").value(Matchers.containsStringIgnoringCase("read it again")));
    }

    @Test
    void aLostRaceOnAUniqueIndexIsAConflict() throws Exception {
        mvc.perform(post("/things/42/copy")).andExpect(status().isConflict())
                .andExpect(jsonPath("$.type").value(ProblemTypes.CONCURRENT_CHANGE.toString()));
    }

    @RestController
    static class Racing {

        @PostMapping("/things/{id}/open")
        void open(@PathVariable String id) {
            throw new OptimisticLockingFailureException("Cannot save entity " + id + " with version 3: changed meanwhile");
        }

        @PostMapping("/things/{id}/copy")
        void copy(@PathVariable String id) {
            throw new DuplicateKeyException("E11000 duplicate key");
        }
    }
}
