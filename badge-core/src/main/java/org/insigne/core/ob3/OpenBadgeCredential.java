package org.insigne.core.ob3;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * A read view of an Open Badges 3.0 credential ({@code OpenBadgeCredential}/{@code AchievementCredential},
 * or an {@code EndorsementCredential}), VCDM 2.0 or 1.1. The parsed JSON is kept as issued in {@link #json()}:
 * credentials are stored and served byte for byte, never re-serialised from these fields. Reading is
 * tolerant (a single value where an array is expected, missing optional parts); {@link StructureCheck} says
 * what is missing.
 */
public record OpenBadgeCredential(
        ObjectNode json,
        List<String> contexts,
        @Nullable String id,
        List<String> type,
        @Nullable Profile issuer,
        @Nullable Instant validFrom,
        @Nullable Instant validUntil,
        @Nullable String name,
        @Nullable String description,
        @Nullable Image image,
        @Nullable AchievementSubject credentialSubject,
        List<Evidence> evidence,
        List<ObjectNode> endorsement,
        List<String> endorsementJwt,
        List<ObjectNode> proof,
        @Nullable CredentialStatus credentialStatus,
        List<CredentialSchema> credentialSchema) {

    public static final String VCDM1_CONTEXT = "https://www.w3.org/2018/credentials/v1";
    public static final String VCDM2_CONTEXT = "https://www.w3.org/ns/credentials/v2";

    public OpenBadgeCredential {
        Objects.requireNonNull(json, "json");
        contexts = List.copyOf(contexts);
        type = List.copyOf(type);
        evidence = List.copyOf(evidence);
        endorsement = List.copyOf(endorsement);
        endorsementJwt = List.copyOf(endorsementJwt);
        proof = List.copyOf(proof);
        credentialSchema = List.copyOf(credentialSchema);
    }

    /** Reads the credential tolerantly; never fails on missing or ill-typed parts. */
    public static OpenBadgeCredential of(ObjectNode json) {
        JsonNode subject = json.get("credentialSubject");
        JsonNode status = json.get("credentialStatus");
        boolean v1 = Json.texts(json, "@context").contains(VCDM1_CONTEXT);
        return new OpenBadgeCredential(json,
                Json.texts(json, "@context"),
                Json.text(json, "id"),
                Json.texts(json, "type"),
                Profile.of(json.get("issuer")),
                Json.instant(json, v1 && !json.has("validFrom") ? "issuanceDate" : "validFrom"),
                Json.instant(json, v1 && !json.has("validUntil") ? "expirationDate" : "validUntil"),
                Json.text(json, "name"),
                Json.text(json, "description"),
                Image.of(json.get("image")),
                subject != null && subject.isObject() ? AchievementSubject.of(subject) : null,
                Json.list(json, "evidence").stream().filter(JsonNode::isObject).map(Evidence::of).toList(),
                Json.list(json, "endorsement").stream().filter(JsonNode::isObject).map(n -> (ObjectNode) n).toList(),
                Json.texts(json, "endorsementJwt"),
                Json.list(json, "proof").stream().filter(JsonNode::isObject).map(n -> (ObjectNode) n).toList(),
                status != null && status.isObject() ? CredentialStatus.of(status) : null,
                Json.list(json, "credentialSchema").stream().filter(JsonNode::isObject).map(CredentialSchema::of).toList());
    }

    /** True for VCDM 1.1 credentials ({@code issuanceDate}/{@code expirationDate}). */
    public boolean isVcdm1() {
        return contexts.contains(VCDM1_CONTEXT);
    }

    public boolean isEndorsement() {
        return type.contains("EndorsementCredential");
    }

    public @Nullable String issuerId() {
        return issuer == null ? null : issuer.id();
    }

    public @Nullable Achievement achievement() {
        return credentialSubject == null ? null : credentialSubject.achievement();
    }

    /** An issuer, endorser, creator or source ({@code Profile}). Only id and type are required. */
    public record Profile(@Nullable String id, List<String> type, @Nullable String name, @Nullable String url,
                          @Nullable String email, @Nullable String description, @Nullable Image image) {
        public Profile {
            type = List.copyOf(type);
        }

        static @Nullable Profile of(@Nullable JsonNode node) {
            if (node == null) {
                return null;
            }
            if (node.isString()) {
                return new Profile(node.asString(), List.of(), null, null, null, null, null);
            }
            if (!node.isObject()) {
                return null;
            }
            return new Profile(Json.text(node, "id"), Json.texts(node, "type"), Json.text(node, "name"),
                    Json.text(node, "url"), Json.text(node, "email"), Json.text(node, "description"),
                    Image.of(node.get("image")));
        }
    }

    /** An image: a URL or data URI, with an optional caption. */
    public record Image(String id, @Nullable String caption) {
        public Image {
            Objects.requireNonNull(id, "id");
        }

        static @Nullable Image of(@Nullable JsonNode node) {
            String id = Json.idOf(node);
            return id == null ? null : new Image(id, Json.text(node, "caption"));
        }
    }

    /** The subject: who earned it ({@code id} and/or {@code identifier[]}), what, and how well. */
    public record AchievementSubject(@Nullable String id, List<String> type, @Nullable Achievement achievement,
                                     List<IdentityObject> identifier, List<Result> result,
                                     @Nullable String name) {
        public AchievementSubject {
            type = List.copyOf(type);
            identifier = List.copyOf(identifier);
            result = List.copyOf(result);
        }

        static AchievementSubject of(JsonNode node) {
            JsonNode achievement = node.get("achievement");
            return new AchievementSubject(Json.text(node, "id"), Json.texts(node, "type"),
                    achievement != null && achievement.isObject() ? Achievement.of(achievement) : null,
                    Json.list(node, "identifier").stream().filter(JsonNode::isObject).map(IdentityObject::of).toList(),
                    Json.list(node, "result").stream().filter(JsonNode::isObject).map(Result::of).toList(),
                    Json.text(node, "name"));
        }
    }

    /** What was achieved. */
    public record Achievement(@Nullable String id, List<String> type, @Nullable String name,
                              @Nullable String description, @Nullable Criteria criteria, @Nullable Image image,
                              @Nullable String achievementType, List<Alignment> alignment, List<String> tag,
                              List<ResultDescription> resultDescription, @Nullable Profile creator) {
        public Achievement {
            type = List.copyOf(type);
            alignment = List.copyOf(alignment);
            tag = List.copyOf(tag);
            resultDescription = List.copyOf(resultDescription);
        }

        static Achievement of(JsonNode node) {
            JsonNode criteria = node.get("criteria");
            return new Achievement(Json.text(node, "id"), Json.texts(node, "type"), Json.text(node, "name"),
                    Json.text(node, "description"),
                    criteria != null && criteria.isObject()
                            ? new Criteria(Json.text(criteria, "id"), Json.text(criteria, "narrative")) : null,
                    Image.of(node.get("image")), Json.text(node, "achievementType"),
                    Json.list(node, "alignment").stream().filter(JsonNode::isObject).map(Alignment::of).toList(),
                    Json.texts(node, "tag"),
                    Json.list(node, "resultDescription").stream().filter(JsonNode::isObject)
                            .map(ResultDescription::of).toList(),
                    Profile.of(node.get("creator")));
        }
    }

    public record Criteria(@Nullable String id, @Nullable String narrative) {
    }

    public record Alignment(@Nullable String targetName, @Nullable String targetUrl,
                            @Nullable String targetDescription, @Nullable String targetFramework,
                            @Nullable String targetCode, @Nullable String targetType) {
        static Alignment of(JsonNode node) {
            return new Alignment(Json.text(node, "targetName"), Json.text(node, "targetUrl"),
                    Json.text(node, "targetDescription"), Json.text(node, "targetFramework"),
                    Json.text(node, "targetCode"), Json.text(node, "targetType"));
        }
    }

    /**
     * How results are described, e.g. a rubric whose levels are "Je fais", "Je transmets", "Je pilote".
     */
    public record ResultDescription(@Nullable String id, @Nullable String name, @Nullable String resultType,
                                    List<RubricCriterionLevel> rubricCriterionLevel) {
        public ResultDescription {
            rubricCriterionLevel = List.copyOf(rubricCriterionLevel);
        }

        static ResultDescription of(JsonNode node) {
            return new ResultDescription(Json.text(node, "id"), Json.text(node, "name"),
                    Json.text(node, "resultType"),
                    Json.list(node, "rubricCriterionLevel").stream().filter(JsonNode::isObject)
                            .map(RubricCriterionLevel::of).toList());
        }
    }

    public record RubricCriterionLevel(@Nullable String id, @Nullable String name, @Nullable String level,
                                       @Nullable String description) {
        static RubricCriterionLevel of(JsonNode node) {
            return new RubricCriterionLevel(Json.text(node, "id"), Json.text(node, "name"),
                    Json.text(node, "level"), Json.text(node, "description"));
        }
    }

    /** A result: {@code achievedLevel} points at a {@link RubricCriterionLevel} id. */
    public record Result(@Nullable String resultDescription, @Nullable String achievedLevel,
                         @Nullable String status, @Nullable String value) {
        static Result of(JsonNode node) {
            return new Result(Json.text(node, "resultDescription"), Json.text(node, "achievedLevel"),
                    Json.text(node, "status"), Json.text(node, "value"));
        }
    }

    /** Who the badge was awarded to, by e-mail or another identifier, possibly hashed (IdentityHash). */
    public record IdentityObject(@Nullable String identityType, boolean hashed, @Nullable String identityHash,
                                 @Nullable String salt) {
        static IdentityObject of(JsonNode node) {
            JsonNode hashed = node.get("hashed");
            return new IdentityObject(Json.text(node, "identityType"), hashed != null && hashed.asBoolean(false),
                    Json.text(node, "identityHash"), Json.text(node, "salt"));
        }
    }

    public record Evidence(@Nullable String id, @Nullable String name, @Nullable String narrative,
                           @Nullable String description) {
        static Evidence of(JsonNode node) {
            return new Evidence(Json.text(node, "id"), Json.text(node, "name"), Json.text(node, "narrative"),
                    Json.text(node, "description"));
        }
    }

    /** {@code credentialStatus}: the entry as issued, with its type and id for convenience. */
    public record CredentialStatus(@Nullable String id, @Nullable String type, ObjectNode json) {
        static CredentialStatus of(JsonNode node) {
            return new CredentialStatus(Json.text(node, "id"), Json.text(node, "type"), (ObjectNode) node);
        }
    }

    public record CredentialSchema(@Nullable String id, @Nullable String type) {
        static CredentialSchema of(JsonNode node) {
            return new CredentialSchema(Json.text(node, "id"), Json.text(node, "type"));
        }
    }
}
