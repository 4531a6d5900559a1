package org.insigne.core.ob3;

import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.regex.Pattern;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Required properties and types of OB 3.0 (common_credentials.lines, OPEN-BADGES.md §3), checked in code:
 * each problem names the property path (e.g. {@code credentialSubject.achievement.criteria}) and whether it is
 * missing or of the wrong type. Single values are accepted where arrays are expected (serialization.md).
 */
public final class StructureCheck {

    /** RFC 3986 §3.1 scheme, then no white space; compiled once, as {@code String.matches} compiles on each call. */
    private static final Pattern URI = Pattern.compile("^[A-Za-z][A-Za-z0-9+.-]*:\\S*$");

    /** One structural problem. {@code kind} is {@code missing} or {@code wrong-type}. */
    public record Problem(String path, String kind) {
        public Problem {
            Objects.requireNonNull(path, "path");
            Objects.requireNonNull(kind, "kind");
        }

        static Problem missing(String path) {
            return new Problem(path, "missing");
        }

        static Problem wrongType(String path) {
            return new Problem(path, "wrong-type");
        }
    }

    private StructureCheck() {
    }

    public static List<Problem> problems(ObjectNode credential) {
        List<Problem> problems = new ArrayList<>();
        boolean v1 = Json.texts(credential, "@context").contains(OpenBadgeCredential.VCDM1_CONTEXT);
        List<String> types = Json.texts(credential, "type");
        requireUri(credential, "id", "id", problems);
        if (!types.contains("VerifiableCredential")) {
            problems.add(Problem.wrongType("type"));
        }
        boolean endorsement = types.contains("EndorsementCredential");
        if (!endorsement && !types.contains("OpenBadgeCredential") && !types.contains("AchievementCredential")) {
            problems.add(Problem.wrongType("type"));
        }
        issuer(credential.get("issuer"), "issuer", true, problems);
        requireDate(credential, v1 ? "issuanceDate" : "validFrom", true, problems);
        requireDate(credential, v1 ? "expirationDate" : "validUntil", false, problems);
        if (credential.has("awardedDate")) {
            requireDate(credential, "awardedDate", false, problems);
        }
        optionalText(credential, "name", "name", problems);
        optionalText(credential, "description", "description", problems);
        image(credential.get("image"), "image", problems);
        JsonNode subject = credential.get("credentialSubject");
        if (subject == null) {
            problems.add(Problem.missing("credentialSubject"));
        } else if (!subject.isObject()) {
            problems.add(Problem.wrongType("credentialSubject"));
        } else if (endorsement) {
            if (credential.get("name") == null) {
                problems.add(Problem.missing("name"));
            }
            requireType(subject, "EndorsementSubject", "credentialSubject", problems);
            requireUri(subject, "id", "credentialSubject.id", problems);
        } else {
            achievementSubject(subject, problems);
        }
        int i = 0;
        for (JsonNode evidence : Json.list(credential, "evidence")) {
            requireType(evidence, "Evidence", "evidence[" + i++ + "]", problems);
        }
        i = 0;
        for (JsonNode endorsed : Json.list(credential, "endorsement")) {
            String path = "endorsement[" + i++ + "]";
            if (!endorsed.isObject()) {
                problems.add(Problem.wrongType(path));
            } else if (!Json.texts(endorsed, "type").contains("EndorsementCredential")) {
                problems.add(Problem.wrongType(path + ".type"));
            }
        }
        i = 0;
        for (JsonNode entry : Json.list(credential, "credentialSchema")) {
            String path = "credentialSchema[" + i++ + "]";
            requireText(entry, "id", path + ".id", problems);
            requireText(entry, "type", path + ".type", problems);
        }
        JsonNode status = credential.get("credentialStatus");
        if (status != null) {
            if (!status.isObject()) {
                problems.add(Problem.wrongType("credentialStatus"));
            } else {
                requireText(status, "type", "credentialStatus.type", problems);
            }
        }
        return problems;
    }

    private static void achievementSubject(JsonNode subject, List<Problem> problems) {
        requireType(subject, "AchievementSubject", "credentialSubject", problems);
        List<JsonNode> identifiers = Json.list(subject, "identifier");
        // Neither id nor identifier is required by the data model; without them no recipient can be
        // checked, which the recipient check reports (verification.md step 5).
        if (subject.get("id") != null) {
            requireUri(subject, "id", "credentialSubject.id", problems);
        }
        int i = 0;
        for (JsonNode identifier : identifiers) {
            String path = "credentialSubject.identifier[" + i++ + "]";
            if (!requireType(identifier, "IdentityObject", path, problems)) {
                continue;
            }
            JsonNode hashed = identifier.get("hashed");
            if (hashed == null) {
                problems.add(Problem.missing(path + ".hashed"));
            } else if (!hashed.isBoolean()) {
                problems.add(Problem.wrongType(path + ".hashed"));
            }
            requireText(identifier, "identityHash", path + ".identityHash", problems);
            requireText(identifier, "identityType", path + ".identityType", problems);
        }
        JsonNode achievement = subject.get("achievement");
        if (achievement == null) {
            problems.add(Problem.missing("credentialSubject.achievement"));
        } else if (!achievement.isObject()) {
            problems.add(Problem.wrongType("credentialSubject.achievement"));
        } else {
            achievement(achievement, "credentialSubject.achievement", problems);
        }
        i = 0;
        for (JsonNode result : Json.list(subject, "result")) {
            String path = "credentialSubject.result[" + i++ + "]";
            if (requireType(result, "Result", path, problems)) {
                alignments(result, path, problems);
            }
        }
        JsonNode source = subject.get("source");
        if (source != null) {
            issuer(source, "credentialSubject.source", false, problems);
        }
    }

    private static void achievement(JsonNode achievement, String path, List<Problem> problems) {
        requireUri(achievement, "id", path + ".id", problems);
        requireType(achievement, "Achievement", path, problems);
        JsonNode criteria = achievement.get("criteria");
        if (criteria == null) {
            problems.add(Problem.missing(path + ".criteria"));
        } else if (!criteria.isObject()) {
            problems.add(Problem.wrongType(path + ".criteria"));
        }
        requireText(achievement, "description", path + ".description", problems);
        requireText(achievement, "name", path + ".name", problems);
        image(achievement.get("image"), path + ".image", problems);
        alignments(achievement, path, problems);
        JsonNode creator = achievement.get("creator");
        if (creator != null) {
            issuer(creator, path + ".creator", false, problems);
        }
        int i = 0;
        for (JsonNode description : Json.list(achievement, "resultDescription")) {
            String at = path + ".resultDescription[" + i++ + "]";
            if (!requireType(description, "ResultDescription", at, problems)) {
                continue;
            }
            requireText(description, "id", at + ".id", problems);
            requireText(description, "name", at + ".name", problems);
            requireText(description, "resultType", at + ".resultType", problems);
            alignments(description, at, problems);
            int j = 0;
            for (JsonNode level : Json.list(description, "rubricCriterionLevel")) {
                String levelPath = at + ".rubricCriterionLevel[" + j++ + "]";
                if (requireType(level, "RubricCriterionLevel", levelPath, problems)) {
                    requireText(level, "id", levelPath + ".id", problems);
                    requireText(level, "name", levelPath + ".name", problems);
                }
            }
        }
    }

    private static void alignments(JsonNode owner, String path, List<Problem> problems) {
        int i = 0;
        for (JsonNode alignment : Json.list(owner, "alignment")) {
            String at = path + ".alignment[" + i++ + "]";
            if (requireType(alignment, "Alignment", at, problems)) {
                requireText(alignment, "targetName", at + ".targetName", problems);
                requireText(alignment, "targetUrl", at + ".targetUrl", problems);
            }
        }
    }

    /** Issuer-like Profile: a URI, or an object with id and type ⊇ Profile. */
    private static void issuer(JsonNode profile, String path, boolean required, List<Problem> problems) {
        if (profile == null) {
            if (required) {
                problems.add(Problem.missing(path));
            }
            return;
        }
        if (profile.isString()) {
            return;
        }
        if (!profile.isObject()) {
            problems.add(Problem.wrongType(path));
            return;
        }
        requireUri(profile, "id", path + ".id", problems);
        requireType(profile, "Profile", path, problems);
        image(profile.get("image"), path + ".image", problems);
        int i = 0;
        for (JsonNode other : Json.list(profile, "otherIdentifier")) {
            String at = path + ".otherIdentifier[" + i++ + "]";
            if (requireType(other, "IdentifierEntry", at, problems)) {
                requireText(other, "identifier", at + ".identifier", problems);
                requireText(other, "identifierType", at + ".identifierType", problems);
            }
        }
        JsonNode parent = profile.get("parentOrg");
        if (parent != null) {
            issuer(parent, path + ".parentOrg", false, problems);
        }
    }

    private static void image(JsonNode image, String path, List<Problem> problems) {
        if (image == null || image.isString()) {
            return;
        }
        if (!image.isObject()) {
            problems.add(Problem.wrongType(path));
            return;
        }
        requireText(image, "id", path + ".id", problems);
        if (image.has("type") && !Json.texts(image, "type").contains("Image")) {
            problems.add(Problem.wrongType(path + ".type"));
        }
    }

    /** The node is an object whose {@code type} (string or array) contains {@code expected}. */
    private static boolean requireType(JsonNode node, String expected, String path, List<Problem> problems) {
        if (!node.isObject()) {
            problems.add(Problem.wrongType(path));
            return false;
        }
        if (node.get("type") == null) {
            problems.add(Problem.missing(path + ".type"));
            return false;
        }
        if (!Json.texts(node, "type").contains(expected)) {
            problems.add(Problem.wrongType(path + ".type"));
            return false;
        }
        return true;
    }

    private static void requireText(JsonNode node, String field, String path, List<Problem> problems) {
        JsonNode value = node.get(field);
        if (value == null) {
            problems.add(Problem.missing(path));
        } else if (!value.isString() || value.asString().isEmpty()) {
            problems.add(Problem.wrongType(path));
        }
    }

    private static void optionalText(JsonNode node, String field, String path, List<Problem> problems) {
        JsonNode value = node.get(field);
        if (value != null && !value.isString()) {
            problems.add(Problem.wrongType(path));
        }
    }

    private static void requireUri(JsonNode node, String field, String path, List<Problem> problems) {
        JsonNode value = node.get(field);
        if (value == null) {
            problems.add(Problem.missing(path));
        } else if (!value.isString() || !URI.matcher(value.asString()).matches()) {
            problems.add(Problem.wrongType(path));
        }
    }

    private static void requireDate(JsonNode node, String field, boolean required, List<Problem> problems) {
        JsonNode value = node.get(field);
        if (value == null) {
            if (required) {
                problems.add(Problem.missing(field));
            }
            return;
        }
        try {
            OffsetDateTime.parse(value.asString(""));
        } catch (DateTimeParseException e) {
            problems.add(Problem.wrongType(field));
        }
    }
}
