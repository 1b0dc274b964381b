// The demo in Debian's Firefox ESR, driven over WebDriver by geckodriver: sign in, ask,
// refuse with a real (trusted) click inside the widget's shadow root, and find the
// refusal recorded by the backend. The rest of the demo's behaviour is covered in Chromium.
import { test } from "node:test";
import assert from "node:assert/strict";
import { Backend } from "./harness.mjs";
import { Firefox, isMissing } from "./webdriver.mjs";

test("Firefox: a signed-in user refuses with 'Not now' and the backend records it", { timeout: 90000 }, async () => {
  const backend = new Backend();
  await backend.start();
  let ff;
  try {
    ff = await Firefox.start();
    await ff.go(backend.url + "/");

    // Sign in as Alex through the demo's own control once the page has started for its
    // default user (switching mid-start races the demo's two sign-ins), then wait until
    // the page is his.
    await ff.waitFor("the page to start", () => ff.find("#show-linkedin"));
    await ff.click(await ff.find('#demo-user option[value="alex"]'));
    await ff.waitFor("Alex to be signed in", async () => (await ff.text(await ff.find("#me"))) === "AL");
    await ff.click(await ff.waitFor("the card's LinkedIn button", () => ff.find("#show-linkedin")));

    const shadow = await ff.shadowRoot(await ff.find("#consent"));
    const dialog = await ff.waitFor("the consent dialog", () => ff.find("dialog[open]", shadow));
    assert.match(await ff.text(dialog), /LinkedIn/, "the dialog says what it is about");
    await ff.click(await ff.find('button[data-choice="not_now"]', dialog));

    await ff.waitFor("the card to offer connecting later", () => ff.find("#connect-later"));
    // The widget itself tells the user the choice was recorded.
    const record = await ff.waitFor("the widget to say it was recorded", () =>
      ff.find('.record[data-record="recorded"]', shadow),
    );
    assert.match(await ff.text(record), /\S/, "the status says something");
    await assert.rejects(ff.find("dialog[open]", shadow), isMissing, "the dialog is closed");

    // Asked with the page's own session cookie, the backend knows Alex and his refusal.
    const headers = { Cookie: `alc_session=${await ff.cookie("alc_session")}` };
    const me = await (await fetch(`${backend.url}/v1/session`, { headers })).json();
    assert.equal(me.user, "alex");
    const res = await fetch(`${backend.url}/v1/decisions/current`, { headers });
    assert.equal(res.status, 200);
    const { decision } = await res.json();
    assert.equal(decision?.choice, "not_now", "the backend holds Alex's refusal");
    assert.equal(decision.notice_is_current, true);
    const entries = await backend.entries();
    assert.equal(entries.length, 1, "exactly one record in the ledger");
    assert.equal(decision.index, 0, "and it is the refusal");
  } finally {
    await ff?.quit();
    await backend.dispose();
  }
});
