import Keycloak from 'keycloak-js';
import type { Settings } from './settings';
import { TranslationDraft } from './translation-draft';

/** The signed-in person: authorization code with PKCE (S256) on the public client, tokens refreshed before they expire. */
export class Session {
  private readonly keycloak: Keycloak;

  private constructor(keycloak: Keycloak) {
    this.keycloak = keycloak;
  }

  static async start(settings: Settings): Promise<Session> {
    const keycloak = new Keycloak({ url: settings.keycloakUrl, realm: settings.realm, clientId: settings.clientId });
    await keycloak.init({ onLoad: 'login-required', pkceMethod: 'S256', checkLoginIframe: false, responseMode: 'fragment' });
    return new Session(keycloak);
  }

  get username(): string {
    return (this.keycloak.tokenParsed?.['preferred_username'] as string | undefined) ?? '';
  }

  /** The Authorization header for one call: the token is refreshed first when it has less than 30 s left. */
  async authorization(): Promise<string> {
    try {
      await this.keycloak.updateToken(30);
    } catch {
      await this.keycloak.login();
    }
    return `Bearer ${this.keycloak.token}`;
  }

  signOut(): Promise<void> {
    TranslationDraft.discardAll();
    return this.keycloak.logout({ redirectUri: window.location.origin + '/' });
  }
}
