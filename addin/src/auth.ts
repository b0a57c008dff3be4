// Sign-in: Office single sign-on when the host offers it, else an API token the clerk pastes
// (kept in localStorage). The API is the pane's own origin.
export const TOKEN_KEY = 'keyproj.apiToken';

export interface TokenStore {
  getItem(k: string): string | null;
  setItem(k: string, v: string): void;
  removeItem(k: string): void;
}

type OfficeAuth = { auth?: { getAccessToken(o?: Record<string, unknown>): Promise<string> } };

export class Auth {
  private sso?: string;
  constructor(private store: TokenStore, private office: () => OfficeAuth | undefined) {}

  /** The token to send: a pasted one wins (it was chosen on purpose), else the SSO token. */
  token(): string | undefined {
    return this.store.getItem(TOKEN_KEY) ?? this.sso;
  }

  hasPasted(): boolean {
    return this.store.getItem(TOKEN_KEY) !== null;
  }

  /** Tries Office SSO; false when the host has none or the user declined. */
  async trySso(): Promise<boolean> {
    const auth = this.office()?.auth;
    if (!auth?.getAccessToken) return false;
    try {
      this.sso = await auth.getAccessToken({ allowSignInPrompt: true, allowConsentPrompt: true, forMSGraphAccess: false });
      return typeof this.sso === 'string' && this.sso.length > 0;
    } catch {
      this.sso = undefined;
      return false;
    }
  }

  setToken(token: string): boolean {
    const t = token.trim();
    if (!t || /\s/.test(t)) return false;
    this.store.setItem(TOKEN_KEY, t);
    return true;
  }

  signOut(): void {
    this.store.removeItem(TOKEN_KEY);
    this.sso = undefined;
  }
}
