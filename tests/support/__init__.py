"""What the browser, deployment and benchmark runs share: starting the real server, and the
browser to drive it."""
