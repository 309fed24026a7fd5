# syntax=docker/dockerfile:1
# One image recipe for every newsflow process; MODULE names which one:
#   docker build --build-arg MODULE=ingest-service -t newsflow/ingest-service .
# (ingest-service, enrich-service, store-service, api-gateway, or local-stack for the demo feed server)

ARG MODULE=ingest-service

FROM eclipse-temurin:21-jdk AS build
ARG MODULE
WORKDIR /src
COPY . .
# -am builds shared-model (and whatever else MODULE needs) in the same reactor; tests run in CI, not here.
# The cache mount keeps ~/.m2 between builds, so the four images download their dependencies once.
RUN --mount=type=cache,target=/root/.m2 \
    ./mvnw -q -B -DskipTests -pl "${MODULE}" -am package \
 && mkdir /out \
 && if [ -f "${MODULE}/target/${MODULE}-exec.jar" ]; then cp "${MODULE}/target/${MODULE}-exec.jar" /out/app.jar; \
    elif [ -f "${MODULE}/target/${MODULE}-all.jar" ]; then cp "${MODULE}/target/${MODULE}-all.jar" /out/app.jar; \
    else echo "no runnable jar (${MODULE}-exec.jar or ${MODULE}-all.jar) in ${MODULE}/target" >&2; exit 1; fi

FROM eclipse-temurin:21-jre
ARG MODULE
LABEL org.opencontainers.image.title="newsflow ${MODULE}" \
      org.opencontainers.image.source="https://github.com/newsflow/newsflow"
RUN groupadd --system newsflow && useradd --system --gid newsflow --home-dir /app newsflow
WORKDIR /app
COPY --from=build --chown=newsflow:newsflow /out/app.jar /app/app.jar
USER newsflow
# the container's memory limit, not the host's, sizes the heap
ENV JAVA_TOOL_OPTIONS="-XX:MaxRAMPercentage=75 -XX:+ExitOnOutOfMemoryError"
ENTRYPOINT ["java", "-jar", "/app/app.jar"]
