# One image for every role of the scaled deployment (see docker-compose.yml): ROLE picks what
# a container runs. Build context: the repository root.
FROM node:20-bookworm-slim
WORKDIR /app

COPY . .
# Install with dev tools to compile, then drop them from the image.
RUN npm ci --no-audit --no-fund \
 && npm run build \
 && npm prune --omit=dev --no-audit --no-fund \
 && npm cache clean --force

ENV NODE_ENV=production \
    PORT=3000
USER node
EXPOSE 3000
CMD ["node", "apps/api/dist/main.js"]
