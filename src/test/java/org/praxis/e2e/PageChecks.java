package org.praxis.e2e;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * What the walk over every route looks at on a page: the viewport it is seen in, whether anything
 * goes past its right edge or an interactive element lies outside it, and what axe-core finds.
 */
final class PageChecks {

    /** axe-core's own script, from Deque's Selenium integration jar (test scope): injected, never served. */
    private static final String AXE = axeScript();

    /**
     * Violations of axe-core's rules that come from inside a Vaadin component and that the app
     * cannot change: the start of {@code rule id + " " + target selector}, each with why.
     */
    static final List<String> VAADIN_INTERNALS = List.of(
            // vaadin-select puts aria-required on its value button (role=button), inside the component:
            // the select itself is labelled and required, which is what screen readers announce
            "aria-allowed-attr [\"vaadin-select-value-button");

    /**
     * Lists what goes past the right edge of the viewport (the outermost element of each part only)
     * and the interactive elements outside it that no scrollable region of their own brings in.
     */
    private static final String LAYOUT = """
            const vw = window.innerWidth;
            const problems = [];
            const page = document.documentElement.scrollWidth;
            if (page > vw + 1) problems.push('the page scrolls sideways: ' + page + ' px wide');
            const interactive = /^(a|button|input|select|textarea|vaadin-(button|[a-z-]*-field|text-area|select|combo-box|multi-select-combo-box|checkbox|radio-button|date-picker|time-picker|date-time-picker|upload|menu-bar|side-nav-item|tab|details-summary|drawer-toggle))$/;
            const parentOf = el => el.assignedSlot || el.parentElement || (el.parentNode && el.parentNode.host) || null;
            const describe = el => {
              let s = el.tagName.toLowerCase() + (el.id ? '#' + el.id : '');
              if (!el.id) { let p = parentOf(el); while (p && !p.id) p = parentOf(p); if (p) s += ' in #' + p.id; }
              const text = (el.getAttribute('aria-label') || el.textContent || '').trim().replace(/\\s+/g, ' ').slice(0, 40);
              return text ? s + ' "' + text + '"' : s;
            };
            const children = el => {
              if (el.tagName === 'SLOT') {
                const slotted = el.assignedElements({flatten: true});
                return slotted.length ? slotted : Array.from(el.children);
              }
              return Array.from(el.shadowRoot ? el.shadowRoot.children : el.children);
            };
            const walk = (el, clip, scroller, reported, grid) => {
              // Vaadin's connection indicator (its "Online" message waits, unseen, in a corner) and
              // development tools are Vaadin's, no part of the app's pages
              if (el.tagName === 'SCRIPT' || el.tagName === 'STYLE' || el.tagName === 'VAADIN-DEV-TOOLS'
                  || el.tagName === 'VAADIN-CONNECTION-INDICATOR'
                  || el.getAttribute('aria-hidden') === 'true' || el.inert) return;
              if (el.checkVisibility && !el.checkVisibility({visibilityProperty: true, opacityProperty: true})) return;
              const style = getComputedStyle(el);
              if (style.position === 'fixed') { clip = Infinity; scroller = null; }
              const r = el.getBoundingClientRect();
              if (r.width > 0 && r.height > 0) {
                const tag = el.tagName.toLowerCase();
                if (!reported && Math.min(r.right, clip) > vw + 1) {
                  problems.push(describe(el) + ' reaches x=' + Math.round(r.right));
                  reported = true;
                } else if (interactive.test(tag) && !scroller && !reported && (r.left < -1 || r.right > vw + 1)) {
                  problems.push(describe(el) + ' is outside the viewport at x=' + Math.round(r.left) + '..' + Math.round(r.right));
                }
              }
              // a grid's body, and a wide table made to scroll within itself, scroll sideways on purpose
              grid = grid || el.tagName === 'VAADIN-GRID' || el.tagName === 'TABLE';
              if (style.overflowX !== 'visible' && el !== document.documentElement && el !== document.body) {
                clip = Math.min(clip, r.right);
                if (style.overflowX === 'auto' || style.overflowX === 'scroll') {
                  // a region that scrolls sideways is the page scrolling sideways, but for a grid's own table
                  if (!grid && !reported && el.tagName !== 'INPUT' && el.tagName !== 'TEXTAREA'
                      && el.scrollWidth > el.clientWidth + 1) {
                    problems.push(describe(el) + ' scrolls sideways: ' + el.scrollWidth + ' px in ' + el.clientWidth);
                    reported = true;
                  }
                  scroller = el;
                }
              }
              for (const child of children(el)) walk(child, clip, scroller, reported, grid);
            };
            walk(document.documentElement, Infinity, null, false, false);
            return problems;
            """;

    private static final String READY = """
            const clients = window.Vaadin && window.Vaadin.Flow && window.Vaadin.Flow.clients;
            return document.readyState === 'complete' && !!clients
                && Object.values(clients).every(c => !c.isActive || !c.isActive());
            """;

    private static final String RUN_AXE = """
            const done = arguments[arguments.length - 1];
            // Vaadin's development tools (development mode only) are no part of the app
            axe.run({exclude: [['vaadin-dev-tools']]}, {resultTypes: ['violations'],
                runOnly: {type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice']}})
              .then(results => done(results.violations
                .filter(v => v.impact === 'serious' || v.impact === 'critical')
                .flatMap(v => v.nodes.map(n => v.id + ' ' + JSON.stringify(n.target) + ' ' + v.impact + ': '
                    + (n.failureSummary || v.help).replace(/\\s+/g, ' ').slice(0, 300)))))
              .catch(e => done(['axe failed: ' + e]));
            """;

    private PageChecks() {
    }

    private static String axeScript() {
        try (InputStream in = PageChecks.class.getResourceAsStream("/axe.min.js")) {
            if (in == null) {
                throw new IllegalStateException("axe.min.js is not on the test classpath (com.deque.html.axe-core:selenium)");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The page is shown in a viewport this wide and high, as a phone or a desktop shows it. */
    static void viewport(Browser browser, int width, int height) {
        browser.driver.executeCdpCommand("Emulation.setDeviceMetricsOverride", Map.of("width", width, "height", height,
                "deviceScaleFactor", 1, "mobile", width < 800));
    }

    /** Waits until Vaadin's client has nothing more to do, and a moment for the components to lay out. */
    static void settle(Browser browser) {
        browser.waiting.until(d -> Boolean.TRUE.equals(browser.driver.executeScript(READY)));
        pause(Duration.ofMillis(250));
        browser.waiting.until(d -> Boolean.TRUE.equals(browser.driver.executeScript(READY)));
    }

    static void pause(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    @SuppressWarnings("unchecked")
    static List<String> layoutProblems(Browser browser) {
        return new ArrayList<>((List<String>) browser.driver.executeScript(LAYOUT));
    }

    /** The serious and critical violations axe-core finds on the page, less the Vaadin internals listed above. */
    @SuppressWarnings("unchecked")
    static List<String> axeViolations(Browser browser) {
        if (!Boolean.TRUE.equals(browser.driver.executeScript("return typeof window.axe === 'object'"))) {
            browser.driver.executeScript(AXE);
        }
        List<String> found = (List<String>) browser.driver.executeAsyncScript(RUN_AXE);
        return found.stream().filter(v -> VAADIN_INTERNALS.stream().noneMatch(v::startsWith)).toList();
    }
}
