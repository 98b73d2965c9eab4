# Praxis in a container: the production jar (Vaadin's prebuilt bundle, no npm) on a JRE.
#
#   docker build -t praxis .
#   docker run -p 8080:8080 -v praxis-data:/var/lib/praxis praxis
#
# With no PRAXIS_DB_URL the app runs its embedded PostgreSQL with data in the volume at
# /var/lib/praxis. To use a PostgreSQL server instead set PRAXIS_DB_URL
# (jdbc:postgresql://host:5432/praxis), PRAXIS_DB_USER and PRAXIS_DB_PASSWORD.
# PORT changes the HTTP port (8080); the other PRAXIS_* settings are in application.yml.
#
# Platforms: linux/amd64 and linux/arm64 (e.g. `docker buildx build --platform linux/arm64 .`).
# The embedded PostgreSQL, which the jOOQ code generator also starts at build time, comes from
# zonky's per-platform binaries; the production jar keeps only the two glibc Linux ones
# (linux-amd64, linux-arm64v8), which is what this Ubuntu-based Temurin image can run.

# ---------------------------------------------------------------------------- build
FROM eclipse-temurin:17-jdk AS build
WORKDIR /build

# Maven, plugins and dependencies first: this layer is rebuilt only when the pom changes.
# (resolve + resolve-plugins fetch all the package step needs; go-offline misses some and
# fetches versions the build does not use.)
COPY mvnw pom.xml ./
COPY .mvn .mvn
RUN chmod +x mvnw \
    && ./mvnw -B -ntp -Pproduction dependency:resolve dependency:resolve-plugins

# db/ is needed at generate-sources: db/JooqCodegen.java migrates an embedded PostgreSQL
# with db/migration and generates the jOOQ classes from it.
COPY db db
COPY frontend frontend
COPY src src
RUN ./mvnw -B -ntp -Pproduction -DskipTests package \
    && cp target/praxis-*.jar /build/praxis.jar

# ---------------------------------------------------------------------------- run
FROM eclipse-temurin:17-jre

# curl for the health check; tini as PID 1 reaps the embedded PostgreSQL's processes and
# passes SIGTERM on, so the app shuts its database down cleanly on `docker stop`.
RUN apt-get update \
    && DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends curl tini \
    && rm -rf /var/lib/apt/lists/*

RUN groupadd --gid 10001 praxis \
    && useradd --uid 10001 --gid praxis --home-dir /var/lib/praxis --no-create-home \
        --shell /usr/sbin/nologin praxis \
    && install -d -o praxis -g praxis -m 0750 /var/lib/praxis

COPY --from=build /build/praxis.jar /opt/praxis/praxis.jar

ENV PRAXIS_DATA_DIR=/var/lib/praxis \
    PORT=8080
VOLUME ["/var/lib/praxis"]
WORKDIR /var/lib/praxis
USER 10001:10001
EXPOSE 8080

HEALTHCHECK --interval=30s --timeout=5s --start-period=120s --retries=3 \
    CMD curl -fsS -o /dev/null "http://127.0.0.1:${PORT:-8080}/actuator/health" || exit 1

ENTRYPOINT ["/usr/bin/tini", "--", "java", "-XX:MaxRAMPercentage=75", "-jar", "/opt/praxis/praxis.jar"]
