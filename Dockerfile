# Builds Insigne from this repository and runs it on the database the environment names.
FROM eclipse-temurin:17-jdk AS build
WORKDIR /src
COPY . .
RUN ./mvnw -B -ntp -DskipTests package

FROM eclipse-temurin:17-jre
RUN useradd --system --home /var/lib/insigne insigne
USER insigne
WORKDIR /var/lib/insigne
COPY --from=build /src/badge-web/target/badge-web-*.jar /opt/insigne/insigne.jar
EXPOSE 8080
ENTRYPOINT ["java", "-jar", "/opt/insigne/insigne.jar"]
