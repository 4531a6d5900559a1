package org.insigne.web.bench;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.insigne.issuer.award.AwardRequest;
import org.insigne.issuer.award.AwardService;
import org.insigne.issuer.award.AwardView;
import org.insigne.issuer.badgeclass.Alignment;
import org.insigne.issuer.badgeclass.BadgeClassContent;
import org.insigne.issuer.badgeclass.BadgeClassId;
import org.insigne.issuer.badgeclass.BadgeClassService;
import org.insigne.issuer.image.ImageUploads;
import org.insigne.issuer.organisation.OrganisationId;
import org.insigne.issuer.organisation.OrganisationService;
import org.insigne.issuer.publishing.HostedUrls;
import org.insigne.web.InsigneApplication;
import org.springframework.boot.SpringApplication;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Starts the real application on its embedded PostgreSQL, with {@code count} awards in the {@code award}
 * table, and keeps serving until killed; {@code bench/public-page/run.sh} then drives the public badge page
 * with wrk. Not a test (Surefire only runs {@code *Tests}).
 *
 * <p>One organisation, one published badge class and one award are made through the services, so that every
 * row is realistic (signed documents of real size, which PostgreSQL keeps out of line as TOAST); the other
 * awards are copies of that one made by {@code generate_series}, in 100,000-row batches. Their ids are
 * {@code 00000000-0000-4000-8000-<i as 12 hex digits>} for i from 1 to count, so that the load script can
 * draw existing ids at random. One in a hundred is revoked and one in ten expired, so that every verdict's
 * page is rendered. Arguments, else environment variables: count ({@code BENCH_COUNT}, default 100000), port
 * ({@code BENCH_PORT}, 8089), data directory ({@code BENCH_DATA_DIR}, {@code /tmp/insigne-bench}), Tomcat's
 * request threads ({@code BENCH_TOMCAT_THREADS}, 16); the table is grown or shrunk to {@code count} on each start.
 */
public final class PublicPageBenchServer {

    static final String ID_PREFIX = "00000000-0000-4000-8000-";
    private static final int BATCH = 100_000;

    private PublicPageBenchServer() {
    }

    public static void main(String[] args) {
        ConfigurableApplicationContext context = startFilled(args);
        System.out.println("READY " + setting(args, 0, "BENCH_COUNT", "100000") + " awards on port "
                + context.getEnvironment().getProperty("local.server.port"));
    }

    /** The application started and its award table grown or shrunk to the count asked for. */
    static ConfigurableApplicationContext startFilled(String[] args, String... extraProperties) {
        long count = Long.parseLong(setting(args, 0, "BENCH_COUNT", "100000"));
        int port = Integer.parseInt(setting(args, 1, "BENCH_PORT", "8089"));
        String dataDir = setting(args, 2, "BENCH_DATA_DIR", "/tmp/insigne-bench");
        List<String> properties = new java.util.ArrayList<>(List.of(
                "--server.port=" + port, "--insigne.data-dir=" + dataDir,
                "--insigne.base-url=http://127.0.0.1:" + port, "--logging.level.root=WARN",
                "--logging.level.org.insigne.web.bench=INFO", "--spring.thymeleaf.cache=true",
                // on 2 cores, more request threads than this only add switching and stretch the latency tail
                "--server.tomcat.threads.max=" + setting(args, 3, "BENCH_TOMCAT_THREADS", "16")));
        properties.addAll(List.of(extraProperties));
        ConfigurableApplicationContext context = SpringApplication.run(InsigneApplication.class,
                properties.toArray(String[]::new));
        JdbcTemplate jdbc = context.getBean(JdbcTemplate.class);
        UUID template = template(context, jdbc, port);
        fill(jdbc, template, count);
        return context;
    }

    /** The award every bench row copies, made once through the services like any award. */
    private static UUID template(ConfigurableApplicationContext context, JdbcTemplate jdbc, int port) {
        List<UUID> existing = jdbc.queryForList("select a.id from award a join organisation o on o.id = a.organisation_id"
                + " where o.name = 'Banc d''essai' and a.id::text not like '" + ID_PREFIX + "%' limit 1", UUID.class);
        if (!existing.isEmpty()) {
            return existing.get(0);
        }
        UUID owner = UUID.randomUUID();
        OrganisationId organisation = context.getBean(OrganisationService.class).create(owner, "Banc d'essai").id();
        BadgeClassService badgeClasses = context.getBean(BadgeClassService.class);
        BadgeClassContent content = new BadgeClassContent("Animer une réunion",
                "Savoir préparer et animer une réunion d'équipe, du tour de table au compte rendu.",
                """
                Avoir animé **trois** réunions d'au moins dix personnes, dont une en visioconférence.

                - préparer un ordre du jour et le diffuser ;
                - distribuer la parole et tenir le temps ;
                - rédiger un [compte rendu](https://example.org/modele-compte-rendu).
                """,
                List.of(new Alignment("ESCO", null, "animer des réunions", "https://esco.ec.europa.eu/")),
                List.of("animation", "réunion"), BadgeClassContent.DEFAULT_LEVELS, 12, false);
        byte[] png = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n', 0, 0, 0, 13, 'I', 'H', 'D', 'R'};
        BadgeClassId badgeClass = badgeClasses.create(organisation, owner, content, ImageUploads.accept(png)).id();
        badgeClasses.publish(organisation, badgeClass, owner);
        AwardView award = context.getBean(AwardService.class).award(organisation, badgeClass, owner,
                new AwardRequest(UUID.randomUUID(), "modele@example.org", "Modèle", "Je transmets", null,
                        "A animé l'assemblée générale de l'association.", null),
                new HostedUrls("http://127.0.0.1:" + port));
        return award.id().value();
    }

    private static void fill(JdbcTemplate jdbc, UUID template, long count) {
        long present = jdbc.queryForObject("select count(*) from award where id::text like '" + ID_PREFIX + "%'", Long.class);
        if (present > count) {
            jdbc.update("delete from award where id > ?::uuid and id::text like '" + ID_PREFIX + "%'", id(count));
            present = count;
        }
        Instant started = Instant.now();
        for (long from = present + 1; from <= count; from += BATCH) {
            long to = Math.min(count, from + BATCH - 1);
            jdbc.update("""
                    insert into award (id, organisation_id, badge_class_id, form_token, recipient_email,
                        recipient_name, level, evidence_url, evidence_narrative, issued_on, expires_at,
                        ob2_assertion, ob3_credential, awarded_by, created_at, revoked_at, revocation_reason, version)
                    select (? || lpad(to_hex(i), 12, '0'))::uuid, t.organisation_id, t.badge_class_id,
                        ('10000000-0000-4000-8000-' || lpad(to_hex(i), 12, '0'))::uuid,
                        'earner' || i || '@example.org', 'Earner ' || i, t.level, null, t.evidence_narrative,
                        now() - (i % 700) * interval '1 day',
                        case when i % 10 = 0 then now() - interval '1 day' else now() + interval '300 days' end,
                        t.ob2_assertion, t.ob3_credential, t.awarded_by, now(),
                        case when i % 100 = 1 then now() end, case when i % 100 = 1 then 'Délivré par erreur' end, 0
                    from generate_series(?::bigint, ?::bigint) i, award t where t.id = ?
                    """, ID_PREFIX, from, to, template);
            System.out.println("inserted awards up to " + to + " in " + Duration.between(started, Instant.now()).toSeconds() + " s");
        }
        jdbc.execute("analyze award");
    }

    /** An argument, else the environment variable (what run.sh sets), else the default. */
    static String setting(String[] args, int index, String variable, String fallback) {
        if (args.length > index) {
            return args[index];
        }
        String value = System.getenv(variable);
        return value == null || value.isBlank() ? fallback : value;
    }

    static String id(long i) {
        return ID_PREFIX + String.format("%012x", i);
    }
}
