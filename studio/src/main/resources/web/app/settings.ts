/** Where Keycloak and the four services are: read from the Studio server's /config.json at start. */
export interface Settings {
  keycloakUrl: string;
  realm: string;
  clientId: string;
  transcriptUrl: string;
  codingUrl: string;
  reportingUrl: string;
  identityUrl: string;
}

export async function loadSettings(): Promise<Settings> {
  const response = await fetch('/config.json', { headers: { Accept: 'application/json' } });
  if (!response.ok) {
    throw new Error(`Studio could not read its settings (${response.status})`);
  }
  return response.json();
}
