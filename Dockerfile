# The dashboard as a small, non-root container:
#   docker build -t rare-earth-dashboard .
#   docker run --rm -p 8501:8501 -e PORT=8501 rare-earth-dashboard
FROM python:3.11-slim

ENV PYTHONDONTWRITEBYTECODE=1 \
    PYTHONUNBUFFERED=1 \
    PIP_NO_CACHE_DIR=1 \
    PIP_DISABLE_PIP_VERSION_CHECK=1 \
    PORT=8501

RUN useradd --create-home --uid 10001 dashboard
WORKDIR /srv/dashboard

# Dependencies first, from the hashed lock, so code changes reuse this layer.
COPY requirements.txt ./
RUN pip install --require-hashes --no-deps -r requirements.txt

COPY .streamlit ./.streamlit
COPY dashboard ./dashboard
COPY geodata ./geodata
COPY deploy/start ./deploy/start
# Publish Leaflet, the map script, the basemap and the layer document into the static folder
# now, so the running app never writes to its own code.
RUN python -m dashboard.map.publish

USER dashboard
EXPOSE 8501
HEALTHCHECK --interval=30s --timeout=5s --start-period=30s --retries=3 \
  CMD python -c "import os, urllib.request; urllib.request.urlopen('http://127.0.0.1:%s/_stcore/health' % os.environ['PORT'], timeout=4)"
CMD ["./deploy/start"]
