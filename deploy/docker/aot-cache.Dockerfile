# Adds a JDK AOT cache (deploy/README.md "Faster start") to an identity-server image that Jib built. Jib cannot run
# a command inside the image it builds, and the cache must be written inside the final image (it is valid only for
# that JDK build and those exact jar files), so this one-step build on top does it:
#
#   ./mvnw -B -ntp -pl identity-server -am package jib:build -DskipTests -Dsignet.image.registry=registry.example.gov.uk/signet
#   docker build -f deploy/docker/aot-cache.Dockerfile \
#     --build-arg IMAGE=registry.example.gov.uk/signet/identity-server:0.1.0-SNAPSHOT \
#     -t registry.example.gov.uk/signet/identity-server:0.1.0-SNAPSHOT-aot deploy/docker
#
# The training start runs with the embedded defaults (its own PostgreSQL from the image's embedded binaries, no Redis)
# and stops once every singleton exists; nothing of it but the cache stays in the image.
ARG IMAGE
FROM ${IMAGE}
USER root
RUN mkdir /app/aot && chown nobody /app/aot
# As `nobody`, not 10001: PostgreSQL's initdb refuses a user id without a passwd entry ("could not look up effective
# user ID 10001"), and 10001 has none in the base image. The cache does not depend on the user that wrote it.
USER nobody
RUN mkdir -p /tmp/aot-training/tmp \
    && java -XX:AOTCacheOutput=/app/aot/signet.aot -Dspring.context.exit=onRefresh \
      -Djava.io.tmpdir=/tmp/aot-training/tmp -cp @/app/jib-classpath-file dev.signet.server.SignetApplication \
      --signet.data-directory=/tmp/aot-training \
    && rm -rf /tmp/aot-training
USER 10001:10001
# Read by the java launcher of the image's entrypoint (and not by other JDK tools run in the container).
ENV JDK_JAVA_OPTIONS=-XX:AOTCache=/app/aot/signet.aot
