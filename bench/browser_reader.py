"""A soak reader in a real Chromium page: the whole way a person's browser goes, the map's frame
applying each state included. Costly on two cores (a Streamlit page loads about 90 scripts and
styles), so the soak runs a few of these beside many protocol readers."""

from __future__ import annotations

import time
import zipfile

from playwright.async_api import Page

from dashboard.core.choices import Language
from dashboard.core.messages import label, text
from harness.serving import MAP_FRAME
from harness.soak_plan import ACTION_TIMEOUT_S, OPEN_TIMEOUT_S, District, Reader, Run

MAP = MAP_FRAME
EN = Language.EN
ACTION_MS = ACTION_TIMEOUT_S * 1000
OPEN_MS = OPEN_TIMEOUT_S * 1000


class BrowserReader(Reader):
    """One reader's Chromium page."""

    kind = "browser"

    def __init__(
        self,
        number: int,
        run: Run,
        started: float,
        points: dict[str, District],
        page: Page,
        url: str,
    ) -> None:
        super().__init__(number, run, started, points)
        self.page, self.url = page, url
        page.on("pageerror", lambda error: self.error(f"page exception: {error}"))
        page.on("requestfailed", self.request_failed)
        page.on("response", self.answered)
        page.on("websocket", self.watch_socket)

    def request_failed(self, request: object) -> None:
        """A request that got no answer."""
        failure = getattr(request, "failure", None)
        url = getattr(request, "url", "")
        # A download's own navigation is reported as aborted when it turns into a download.
        if failure and "ERR_ABORTED" in str(failure) and "/_stcore/" not in url:
            return
        self.error(f"request failed: {url} ({failure})")

    def answered(self, response: object) -> None:
        """An error answer to one of the page's requests."""
        status = getattr(response, "status", 0)
        if status >= 400:
            self.error(f"HTTP {status}: {getattr(response, 'url', '')}")

    def watch_socket(self, socket: object) -> None:
        """A WebSocket that closes while the reader is still there is a dropped session."""
        socket.on("close", lambda _: self.error("WebSocket closed"))  # type: ignore[attr-defined]

    async def open(self, link: str) -> None:
        """Arrive on a shared link and wait for the map."""
        start = time.monotonic()
        await self.page.goto(self.url + link, timeout=OPEN_MS)
        drawn = self.page.frame_locator(MAP).locator("path.district").nth(55)
        await drawn.wait_for(state="attached", timeout=OPEN_MS)
        self.run.loads.append((time.monotonic() - start, self.kind))
        self.year = self.link_year(link)

    async def do_year(self) -> None:
        """One step of the year slider, timed until the map shows that year."""
        year = self.next_year()
        slider = self.page.locator('[data-testid="stSlider"] input[type="range"]').first
        await slider.focus()
        start = time.monotonic()
        await self.page.keyboard.press("ArrowLeft" if year < self.year else "ArrowRight")
        self.year = year
        marked = self.page.frame_locator(MAP).locator(f"[data-year='{year}']").first
        await marked.wait_for(state="attached", timeout=ACTION_MS)
        self.year_changed(time.monotonic() - start)

    async def do_district(self) -> None:
        """A click inside a district (in the states view), until the address selects it."""
        if "view=partners" in self.page.url:
            await self.do_view()
            await self.page.wait_for_timeout(1500)  # the map glides back to the two states
        district = self.another_district(self.page.url)
        # A download below the map scrolls the page: bring the map back into view first.
        await self.page.locator(MAP).scroll_into_view_if_needed(timeout=ACTION_MS)
        frame = await (await self.page.locator(MAP).element_handle()).content_frame()
        if frame is None:
            raise RuntimeError("the map's frame holds no document")
        x, y = await frame.evaluate(
            """([lat, lng]) => {
                const p = map_div.latLngToContainerPoint([lat, lng]);
                const r = map_div.getContainer().getBoundingClientRect();
                return [r.left + p.x, r.top + p.y];
            }""",
            [district.lat, district.lng],
        )
        box = await self.page.locator(MAP).bounding_box()
        if box is None:
            raise RuntimeError("the map's frame is not shown")
        before = self.page.url
        await self.page.mouse.click(box["x"] + x, box["y"] + y)
        await self.page.wait_for_function(
            "(before) => location.href !== before && location.search.includes('sel=')",
            arg=before,
            timeout=ACTION_MS,
        )

    async def do_view(self) -> None:
        """Switch between the two named views."""
        partners = "view=partners" in self.page.url
        choice = label("view", "states" if partners else "partners", EN)
        await self.page.get_by_text(choice, exact=True).click()
        wanted = "!" if partners else ""
        await self.page.wait_for_function(
            f"{wanted}location.search.includes('view=partners')", timeout=ACTION_MS
        )

    async def do_details(self) -> None:
        """Read the details panel."""
        details = self.page.locator('[data-testid="stMainBlockContainer"]')
        heading = details.get_by_role("heading", name=text("details", EN), exact=True)
        await heading.wait_for(timeout=ACTION_MS)
        if not (await details.inner_text(timeout=ACTION_MS)).strip():
            self.error("the details panel is empty")

    async def do_download(self) -> None:
        """Follow the CSV data's link and open the zip."""
        link = self.page.get_by_role("link", name=text("download_csv", EN))
        async with self.page.expect_download(timeout=ACTION_MS) as download_info:
            await link.click()
        download = await download_info.value
        path = await download.path()
        with zipfile.ZipFile(path) as archive:
            if not any(name.endswith("/sites.csv") for name in archive.namelist()):
                self.error("the CSV download has no sites.csv")
