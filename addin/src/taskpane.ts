// The task pane: finds out where it runs, signs in, wires the five actions (SPEC §6 data-action
// names) to the Excel glue, and shows results. All text goes into the DOM as textContent.
import './styles.css';
import { resolveConfig, DEFAULT_CONFIG, type ConfigInput } from '../../core/config';
import { isPeriod, reportingPeriod } from '../../core/periods';
import type { Locale } from '../../core/types';
import { ApiClient, ApiError } from './api';
import { Auth } from './auth';
import { insertTemplate } from './actions/insertTemplate';
import { load } from './actions/load';
import { validate } from './actions/validate';
import { submit } from './actions/submit';
import { colour } from './actions/colour';
import { registerFunctions, useConfig } from './functions/functions';
import { initialLocale, t, TEXTS, type TextKey } from './i18n';
import { detectHost, type Capabilities } from './office/host';
import { selectCell } from './office/select';
import type { ActionResult, Progress, Session } from './session';
import { byId } from './ui/dom';
import { renderFindings } from './ui/findings';
import { progressBar } from './ui/progress';

const LOCALE_KEY = 'keyproj.locale';

const ACTIONS: Record<string, (s: Session, p: Progress) => Promise<ActionResult>> = {
  'insert-template': (s) => insertTemplate(s),
  load,
  validate,
  submit,
  colour,
};

function storage(): Storage {
  try {
    return window.localStorage;
  } catch {
    // Some hosts block storage; the pane then asks for the token each time.
    const m = new Map<string, string>();
    return { getItem: (k) => m.get(k) ?? null, setItem: (k, v) => void m.set(k, v), removeItem: (k) => void m.delete(k) } as Storage;
  }
}

function applyTexts(locale: Locale): void {
  document.documentElement.lang = locale;
  document.title = t(locale, 'title');
  for (const e of document.querySelectorAll<HTMLElement>('[data-text]')) {
    const k = e.dataset.text as TextKey;
    if (k in TEXTS) e.textContent = t(locale, k);
  }
}

function showStatus(level: ActionResult['level'], message: string): void {
  const s = byId('status');
  s.className = level;
  s.textContent = message;
}

/** An error of any layer as a message for the clerk; never a stack trace. */
function explain(e: unknown, locale: Locale): string {
  if (e instanceof ApiError) {
    if (e.status === 0) return t(locale, 'networkError', { detail: e.message });
    if (e.status === 401) return t(locale, 'tokenRejected');
    return t(locale, 'serverError', { status: e.status, message: e.message });
  }
  const msg = e instanceof Error ? e.message : String(e);
  return t(locale, 'excelError', { message: msg });
}

async function main(): Promise<void> {
  // Shared runtime: this page is also the custom functions' script (manifest), so they are
  // registered first, before anything waits; outside Excel there is no CustomFunctions.
  registerFunctions();
  const store = storage();
  const host = await detectHost();
  // Chinese unless the clerk chose English or Office runs in English.
  let locale: Locale = initialLocale(store.getItem(LOCALE_KEY), host.kind === 'excel' ? host.displayLanguage : undefined);
  const message = byId('host-message');
  const refreshHostMessage = () => {
    if (host.kind === 'outside') message.textContent = t(locale, 'outsideExcel');
    if (host.kind === 'tooOld') message.textContent = t(locale, 'tooOld');
  };
  byId('lang').addEventListener('click', () => {
    locale = locale === 'en' ? 'zh-CN' : 'en';
    store.setItem(LOCALE_KEY, locale);
    applyTexts(locale);
    refreshHostMessage();
    if (session) {
      session.locale = locale;
      useConfig(session.config, locale);
      renderWho();
    }
  });
  applyTexts(locale);
  if (host.kind !== 'excel') {
    refreshHostMessage();
    message.hidden = false;
    return;
  }

  const caps: Capabilities = host.caps;
  const auth = new Auth(store, () => (globalThis as unknown as { Office?: never }).Office);
  const api = new ApiClient(window.location.origin, () => auth.token(), () => session.locale);
  const session: Session = {
    config: DEFAULT_CONFIG, locale, caps, history: new Map(),
    period: reportingPeriod(new Date(), DEFAULT_CONFIG.deadlineDay, DEFAULT_CONFIG.timezone),
  };
  useConfig(session.config, locale);
  byId('app').hidden = false;

  const periodInput = byId<HTMLInputElement>('period');
  periodInput.value = session.period;
  periodInput.addEventListener('change', () => {
    if (isPeriod(periodInput.value)) session.period = periodInput.value;
    else {
      showStatus('error', t(session.locale, 'periodBad', { value: periodInput.value }));
      periodInput.value = session.period;
    }
  });

  const who = byId('who');
  const tokenForm = byId<HTMLFormElement>('token-form');
  const signOut = byId('sign-out');
  function renderWho(): void {
    if (session.me) {
      who.removeAttribute('data-text');
      who.textContent = t(session.locale, 'signedInAs', { name: session.me.name, county: session.me.county ?? session.config.city.name });
    } else {
      who.textContent = t(session.locale, 'notSignedIn');
    }
    tokenForm.hidden = !!session.me;
    signOut.hidden = !session.me || !auth.hasPasted();
  }

  async function connect(): Promise<boolean> {
    try {
      const [me, pub] = await Promise.all([api.me(), api.publicConfig()]);
      session.me = me;
      session.api = api;
      session.config = resolveConfig({ city: pub.city, counties: pub.counties, sectors: pub.sectors, deadlineDay: pub.deadlineDay, ...(pub.timezone ? { timezone: pub.timezone } : {}) } as ConfigInput);
      session.maxRows = pub.maxRows;
      const p = pub.reportingPeriod ?? reportingPeriod(new Date(), session.config.deadlineDay, session.config.timezone);
      if (isPeriod(p)) periodInput.value = session.period = p;
      useConfig(session.config, session.locale);
      return true;
    } catch (e) {
      session.me = undefined;
      session.api = undefined;
      if (e instanceof ApiError && e.status === 401) {
        auth.signOut();
        showStatus('error', t(session.locale, 'tokenRejected'));
      } else if (auth.token()) showStatus('error', explain(e, session.locale));
      return false;
    } finally {
      renderWho();
    }
  }

  tokenForm.addEventListener('submit', async (e) => {
    e.preventDefault();
    const input = byId<HTMLInputElement>('token');
    if (!auth.setToken(input.value)) {
      showStatus('error', t(session.locale, 'tokenBadInput'));
      return;
    }
    input.value = '';
    if (await connect()) showStatus('ok', t(session.locale, 'signedInAs', { name: session.me!.name, county: session.me!.county ?? '' }));
  });
  signOut.addEventListener('click', () => {
    auth.signOut();
    session.me = undefined;
    session.api = undefined;
    renderWho();
  });

  const progress = progressBar(byId('progress'), () => session.locale);
  const buttons = [...document.querySelectorAll<HTMLButtonElement>('button[data-action]')];
  for (const b of buttons) {
    b.addEventListener('click', async () => {
      const action = ACTIONS[b.dataset.action!];
      for (const x of buttons) x.disabled = true;
      document.body.setAttribute('aria-busy', 'true');
      showStatus('ok', t(session.locale, 'busy'));
      try {
        const res = await action(session, (phase, f) => {
          progress.show(phase, f);
          // Let the bar paint before the next phase's synchronous work (validation of thousands of rows).
          return new Promise<void>((r) => setTimeout(r, 0));
        });
        showStatus(res.level, res.message);
        renderFindings(byId('findings'), res.findings ?? [], session.locale, res.names ?? new Map(), (address) => {
          selectCell(address).catch((err) => showStatus('error', explain(err, session.locale)));
        });
      } catch (e) {
        showStatus('error', explain(e, session.locale));
        // An expired or revoked token: ask for a new one.
        if (e instanceof ApiError && e.status === 401) {
          auth.signOut();
          session.me = undefined;
          session.api = undefined;
          renderWho();
        }
      } finally {
        progress.hide();
        for (const x of buttons) x.disabled = false;
        document.body.removeAttribute('aria-busy');
        // For tests and screen readers alike: which action finished, and how many so far.
        document.body.dataset.lastAction = b.dataset.action!;
        document.body.dataset.done = String(Number(document.body.dataset.done ?? 0) + 1);
      }
    });
  }

  renderWho();
  // A pasted token first (chosen on purpose), else Office SSO, else ask for a token.
  if (auth.hasPasted() || (await auth.trySso())) {
    if (!(await connect()) && !auth.hasPasted()) showStatus('warn', t(session.locale, 'ssoFailed'));
  }
  document.body.dataset.ready = 'true';
}

main().catch((e) => {
  const m = document.getElementById('host-message');
  if (m) {
    m.textContent = e instanceof Error ? e.message : String(e);
    m.hidden = false;
  }
});
