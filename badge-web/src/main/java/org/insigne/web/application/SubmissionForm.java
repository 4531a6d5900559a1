package org.insigne.web.application;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import jakarta.servlet.http.HttpServletRequest;
import org.insigne.issuer.application.ApplicationSettings;
import org.insigne.issuer.application.Submission;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.multipart.MultipartHttpServletRequest;
import org.springframework.web.util.WebUtils;

/**
 * Reads an application form: {@code narrative}, {@code reply}, {@code consent}, {@code level}, numbered links
 * {@code link0…} and files {@code file0…}, each with its {@code …Public} box, and answers {@code answer0…}
 * (a file question's as {@code answer0File}). Numbered fields, not lists, so that each piece keeps its own
 * "public" choice without JavaScript. Blank links and empty file inputs are skipped.
 */
public final class SubmissionForm {

    static final int LINK_FIELDS = 3;
    static final int MAX_FILE_FIELDS = 10;

    private SubmissionForm() {
    }

    public static Submission read(HttpServletRequest request) {
        List<Submission.LinkInput> links = new ArrayList<>();
        for (int i = 0; i < LINK_FIELDS; i++) {
            String url = request.getParameter("link" + i);
            if (url != null && !url.isBlank()) {
                links.add(new Submission.LinkInput(url, request.getParameter("link" + i + "Public") != null));
            }
        }
        List<Submission.FileInput> files = new ArrayList<>();
        Map<Integer, String> answers = new HashMap<>();
        Map<Integer, Submission.FileInput> answerFiles = new HashMap<>();
        // Security's wrappers hide the multipart request: look beneath them.
        MultipartHttpServletRequest multipart = WebUtils.getNativeRequest(request, MultipartHttpServletRequest.class);
        if (multipart != null) {
            for (int i = 0; i < MAX_FILE_FIELDS; i++) {
                MultipartFile file = multipart.getFile("file" + i);
                if (file != null && !file.isEmpty()) {
                    files.add(new Submission.FileInput(String.valueOf(file.getOriginalFilename()), bytes(file),
                            request.getParameter("file" + i + "Public") != null));
                }
            }
            for (int i = 0; i < ApplicationSettings.MAX_QUESTIONS; i++) {
                MultipartFile file = multipart.getFile("answer" + i + "File");
                if (file != null && !file.isEmpty()) {
                    answerFiles.put(i, new Submission.FileInput(String.valueOf(file.getOriginalFilename()),
                            bytes(file), false));
                }
            }
        }
        for (int i = 0; i < ApplicationSettings.MAX_QUESTIONS; i++) {
            String answer = request.getParameter("answer" + i);
            if (answer != null) {
                answers.put(i, answer);
            }
        }
        String narrative = request.getParameter("narrative");
        return new Submission(narrative == null ? "" : narrative, links, files,
                request.getParameter("consent") != null, request.getParameter("reply"), request.getParameter("level"),
                answers, answerFiles);
    }

    /** The pieces of evidence the applicant ticked to remove on resubmitting ({@code remove}, by id). */
    static Set<UUID> removed(HttpServletRequest request) {
        String[] values = request.getParameterValues("remove");
        Set<UUID> removed = new HashSet<>();
        for (String value : values == null ? new String[0] : values) {
            try {
                removed.add(UUID.fromString(value));
            } catch (IllegalArgumentException notAnId) {
                // Not one of ours: it names nothing to remove.
            }
        }
        return removed;
    }

    private static byte[] bytes(MultipartFile file) {
        try {
            return file.getBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
