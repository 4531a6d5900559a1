package org.insigne.web.api;

import java.io.IOException;
import java.io.InputStream;
import java.util.stream.Collectors;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.http.HttpStatus;
import tools.jackson.core.JacksonException;
import tools.jackson.core.StreamReadConstraints;
import tools.jackson.core.json.JsonFactory;
import tools.jackson.databind.DatabindException;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.exc.UnrecognizedPropertyException;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reads an issuer API request body strictly: bounded in size and depth, an object, no field the operation does
 * not know, each value of its type. Every refusal names the field, so that a client can fix its request.
 */
final class ApiBodies {

    static final int MAX_JSON_BYTES = 2 * 1024 * 1024;
    static final int MAX_CSV_BYTES = 5 * 1024 * 1024;

    private static final JsonMapper STRICT = JsonMapper.builder(JsonFactory.builder()
                    .streamReadConstraints(StreamReadConstraints.builder()
                            .maxNestingDepth(32).maxStringLength(MAX_JSON_BYTES).build())
                    .build())
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT)
            .build();

    private ApiBodies() {
    }

    static <T> T json(HttpServletRequest request, Class<T> type) {
        byte[] bytes = bounded(request, MAX_JSON_BYTES);
        if (bytes.length == 0) {
            throw new ApiInputRejected(HttpStatus.BAD_REQUEST, "api.body.missing");
        }
        try {
            T value = STRICT.readValue(bytes, type);
            if (value == null) {
                throw new ApiInputRejected(HttpStatus.BAD_REQUEST, "api.body.not-an-object");
            }
            return value;
        } catch (UnrecognizedPropertyException e) {
            throw new ApiInputRejected(HttpStatus.BAD_REQUEST, "api.body.unknown-field", path(e));
        } catch (DatabindException e) {
            if (e.getPath().isEmpty()) {
                throw new ApiInputRejected(HttpStatus.BAD_REQUEST, "api.body.not-an-object");
            }
            throw new ApiInputRejected(HttpStatus.BAD_REQUEST, "api.body.invalid-value", path(e));
        } catch (JacksonException e) {
            throw new ApiInputRejected(HttpStatus.BAD_REQUEST, "api.body.malformed-json");
        }
    }

    static byte[] bounded(HttpServletRequest request, int max) {
        try (InputStream in = request.getInputStream()) {
            byte[] bytes = in.readNBytes(max + 1);
            if (bytes.length > max) {
                throw new ApiInputRejected(HttpStatus.CONTENT_TOO_LARGE, "api.body.too-large", max / (1024 * 1024));
            }
            return bytes;
        } catch (IOException e) {
            throw new ApiInputRejected(HttpStatus.BAD_REQUEST, "api.body.unreadable");
        }
    }

    /** {@code recipient.email}, {@code awards[2].level}: where in the body the refused value is. */
    private static String path(DatabindException e) {
        return e.getPath().stream()
                .map(ref -> ref.getPropertyName() != null ? "." + ref.getPropertyName() : "[" + ref.getIndex() + "]")
                .collect(Collectors.joining()).replaceFirst("^\\.", "");
    }
}
