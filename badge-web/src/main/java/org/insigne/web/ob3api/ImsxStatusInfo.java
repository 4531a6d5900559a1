package org.insigne.web.ob3api;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * The error body of every Open Badges 3.0 API answer that is not a success (OB 3.0 §6.3, {@code Imsx_StatusInfo}).
 *
 * @param codeMinor one of the spec's {@code imsx_codeMinorFieldValue} tokens, such as {@code unauthorizedrequest}
 */
record ImsxStatusInfo(@JsonProperty("imsx_codeMajor") String codeMajor,
                      @JsonProperty("imsx_severity") String severity,
                      @JsonProperty("imsx_description") String description,
                      @JsonProperty("imsx_codeMinor") CodeMinor codeMinor) {

    static ImsxStatusInfo failure(String codeMinor, String description) {
        return new ImsxStatusInfo("failure", "error", description,
                new CodeMinor(List.of(new CodeMinorField("TargetEndSystem", codeMinor))));
    }

    record CodeMinor(@JsonProperty("imsx_codeMinorField") List<CodeMinorField> fields) {
    }

    record CodeMinorField(@JsonProperty("imsx_codeMinorFieldName") String name,
                          @JsonProperty("imsx_codeMinorFieldValue") String value) {
    }
}
