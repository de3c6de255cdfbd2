package fr.relocmatch.console.web;

import java.util.List;
import java.io.IOException;
import java.nio.charset.StandardCharsets;

import fr.relocmatch.console.api.ApiProblem;
import fr.relocmatch.console.api.ServiceApis;
import fr.relocmatch.console.security.SignedInPerson;
import fr.relocmatch.establishments.EstablishmentFile;
import jakarta.servlet.http.HttpSession;

import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;

/**
 * The CSV import of supplier profiles (région admins): the file is read once, then sent to
 * company-service chunk by chunk — each chunk one request of the page (htmx asks for the next as
 * soon as one is done), so the progress bar moves and the person's token is used as for any call.
 * The rejected rows, as they were in the file with their line and reasons, download as a CSV in
 * the file's encoding and separator. A file without the needed columns is refused before anything
 * is sent, naming what it lacks and how it was read.
 */
@Controller
class ImportPages {

    private static final String JOB = "relocmatch-import";

    private final ServiceApis api;

    ImportPages(ServiceApis api) {
        this.api = api;
    }

    @GetMapping("/suppliers/import")
    String form(@ModelAttribute("me") SignedInPerson me) {
        requireAdmin(me);
        return "import";
    }

    @PostMapping("/suppliers/import")
    String upload(@ModelAttribute("me") SignedInPerson me, @RequestParam("file") MultipartFile file,
            @RequestParam(required = false) String adviserEmail, HttpSession session, Model model) throws IOException {
        requireAdmin(me);
        ImportJob job;
        try {
            job = ImportJob.of(file.getOriginalFilename(), file.getBytes(), adviserEmail);
        }
        catch (EstablishmentFile.UnreadableFile unreadable) {
            model.addAttribute("unreadable", unreadable.getMessage());
            return "import";
        }
        if (!job.missingColumns().isEmpty()) {
            model.addAttribute("missing", job);
            return "import";
        }
        session.setAttribute(JOB, job);
        model.addAttribute("job", job);
        return "import";
    }

    /** Sends the next chunk and answers the progress; htmx then asks for the next one, until done. */
    @PostMapping("/suppliers/import/{id}/next")
    String next(@ModelAttribute("me") SignedInPerson me, @PathVariable String id, HttpSession session, Model model) {
        requireAdmin(me);
        ImportJob job = job(session, id);
        if (!job.done()) {
            ImportJob.Chunk chunk = job.next();
            try {
                job.answered(chunk, api.importCompanies(chunk.csv(), job.adviserEmail(), chunk.firstLine()));
            }
            catch (ApiProblem problem) {
                if (problem.status() != 400) {
                    throw problem;
                }
                model.addAttribute("failure", String.join("; ", problem.messagesByField().values()));
            }
            session.setAttribute(JOB, job);
        }
        model.addAttribute("job", job);
        return "import :: progress";
    }

    @GetMapping("/suppliers/import/{id}/rejects.csv")
    ResponseEntity<byte[]> rejects(@ModelAttribute("me") SignedInPerson me, @PathVariable String id, HttpSession session) {
        requireAdmin(me);
        ImportJob job = job(session, id);
        String name = (job.fileName() == null || job.fileName().isBlank() ? "import.csv" : job.fileName()) + ".rejects.csv";
        return ResponseEntity.ok()
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment().filename(name, StandardCharsets.UTF_8)
                        .build().toString())
                .contentType(new MediaType("text", "csv", job.rejectsCharset()))
                .body(job.rejectsCsv());
    }

    private static ImportJob job(HttpSession session, String id) {
        if (session.getAttribute(JOB) instanceof ImportJob job && job.id().equals(id)) {
            return job;
        }
        throw new ApiProblem(404, "Not found", null, List.of());
    }

    private static void requireAdmin(SignedInPerson me) {
        if (!me.isRegionAdmin()) {
            throw new ApiProblem(403, "Forbidden", null, List.of());
        }
    }
}
