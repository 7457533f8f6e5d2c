# Firma in a container: `docker build -t firma .` then `docker run -p 3000:3000 -v firma-data:/data firma`.
# Not built by Firma's CI (its machines have no container runtime): CI runs the same commands instead —
# scripts/pack.sh, then the same `npm install --global` of the tarball, then `firma serve` from an empty folder
# (scripts/check-package.sh). See docs/deploy.md.

# Build: the locked packages, the compiled dist/, and the npm package made from them.
FROM node:24-slim AS build
RUN apt-get update && apt-get install -y --no-install-recommends python3 make g++ && rm -rf /var/lib/apt/lists/*
WORKDIR /src
COPY . .
RUN scripts/pack.sh /pack

# Run: the package installed as any user would, without the sources or the build tools.
FROM node:24-slim
COPY --from=build /pack/ /tmp/pack/
RUN apt-get update && apt-get install -y --no-install-recommends python3 make g++ \
 && npm install --global --omit=dev --no-audit --no-fund /tmp/pack/firma-*.tgz \
 && apt-get purge -y python3 make g++ && apt-get autoremove -y && rm -rf /var/lib/apt/lists/* /tmp/pack /root/.npm \
 && useradd --system --home-dir /data --shell /usr/sbin/nologin firma \
 && mkdir -p /data && chown firma:firma /data
USER firma
WORKDIR /data
ENV FIRMA_DATA_DIR=/data PORT=3000 NODE_ENV=production
VOLUME ["/data"]
EXPOSE 3000
HEALTHCHECK --interval=30s --timeout=5s --start-period=30s --retries=3 \
  CMD node -e "fetch('http://127.0.0.1:3000/healthz').then((r) => process.exit(r.ok ? 0 : 1), () => process.exit(1))"
# The same V8 flags as `npm start` (bin/firma.js's first line): --max-semi-space-size=8 --heap-growing-percent=20.
ENTRYPOINT ["firma"]
CMD ["serve"]
