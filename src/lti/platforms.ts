/**
 * The platforms (learning management systems) this tool accepts launches
 * from: those configured in `LTI_PLATFORMS` (a JSON array, validated here)
 * and those that registered themselves through LTI Dynamic Registration,
 * kept in the `LTI_REGISTRATIONS` KV namespace.
 *
 * A platform is an issuer and a client id (Security Framework §5.1.2: one
 * issuer, such as https://canvas.instructure.com, may hold many clients).
 */
import type { JSONWebKeySet } from 'jose';
import { z } from 'zod';
import { MAX_KEYS, MAX_PLATFORMS, MAX_URL_LENGTH } from './limits';
import { notConfigured } from './refusal';
import type { NonceBindings } from './used-nonces';

/** The bindings the LTI tool reads; all optional, so a deployment without LTI still runs. */
export interface LtiBindings extends NonceBindings {
  /** The tool's private JWK, or a JSON array of them (the first signs). A secret. */
  LTI_PRIVATE_KEY?: string;
  /** A JSON array of platforms (see `PlatformSchema`). A var or a secret. */
  LTI_PLATFORMS?: string;
  /** Platforms registered dynamically (pending and approved). */
  LTI_REGISTRATIONS?: KVNamespace;
  /** "allow" on a developer's machine only: outside fetches may reach a platform on http://localhost (`outside-fetch.ts`). */
  LTI_LOOPBACK_PLATFORMS?: string;
}

const LOCAL_HOSTS = new Set(['localhost', '127.0.0.1', '[::1]']);

/**
 * A platform URL: https (http only on this machine, for a platform run
 * locally), no credentials, no fragment.
 * @example isPlatformUrl('https://moodle.example.edu/mod/lti/auth.php') // true
 */
export function isPlatformUrl(text: string): boolean {
  if (text.length > MAX_URL_LENGTH || !URL.canParse(text)) return false;
  const url = new URL(text);
  const secure = url.protocol === 'https:' || (url.protocol === 'http:' && LOCAL_HOSTS.has(url.hostname));
  return secure && !url.username && !url.password && !url.hash;
}

const PlatformUrl = z.string().refine(isPlatformUrl, { message: `must be an https URL of at most ${MAX_URL_LENGTH} characters, without credentials or fragment` });
const Identifier = z.string().min(1).max(255);
const PublicJwk = z.looseObject({ kty: z.literal('RSA', { message: 'must be "RSA": LTI signs with RS256' }), n: z.string().min(1), e: z.string().min(1), kid: z.string().max(255).optional() });

/** One platform as `LTI_PLATFORMS` and the KV namespace hold it. */
export const PlatformSchema = z
  .strictObject({
    issuer: PlatformUrl,
    clientId: Identifier,
    deploymentIds: z.array(Identifier).min(1, { message: 'must name at least one deployment id' }).max(100),
    authLoginUrl: PlatformUrl,
    jwksUrl: PlatformUrl.optional(),
    jwks: z.strictObject({ keys: z.array(PublicJwk).min(1).max(MAX_KEYS) }).optional(),
    /** Origins besides the issuer's, the login URL's and the key set's where the platform takes deep links back (Canvas on an institution's own domain). */
    returnOrigins: z.array(PlatformUrl).max(MAX_KEYS).optional(),
  })
  .refine((p) => (p.jwksUrl === undefined) !== (p.jwks === undefined), { message: 'give either "jwksUrl" or an inline "jwks", not both and not neither' });

export type Platform = Omit<z.infer<typeof PlatformSchema>, 'jwks'> & { jwks?: JSONWebKeySet };

/**
 * The origins a platform is known by: its issuer's, its login URL's, its
 * key set's and those it names in `returnOrigins`. A deep-linking answer
 * is posted only there, so a signed choice cannot be sent to another site.
 * @example platformOrigins(moodle) // ['https://moodle.example.edu']
 */
export function platformOrigins(platform: Pick<Platform, 'issuer' | 'authLoginUrl' | 'jwksUrl' | 'returnOrigins'>): string[] {
  const urls = [platform.issuer, platform.authLoginUrl, platform.jwksUrl, ...(platform.returnOrigins ?? [])].filter((url): url is string => url !== undefined);
  return [...new Set(urls.map((url) => new URL(url).origin))];
}

/** A registration learned by Dynamic Registration; its deployment ids may still be unknown. */
export const RegisteredPlatformSchema = z.strictObject({
  issuer: PlatformUrl,
  clientId: Identifier,
  deploymentIds: z.array(Identifier).max(100),
  authLoginUrl: PlatformUrl,
  jwksUrl: PlatformUrl,
  registeredAt: z.string().max(40),
});
export type RegisteredPlatform = z.infer<typeof RegisteredPlatformSchema>;

/** What went wrong in a configuration, each issue with its place: `LTI_PLATFORMS[0].jwksUrl: …`. */
function describeIssues(name: string, issues: z.core.$ZodIssue[]): string {
  return issues
    .slice(0, 5)
    .map((issue) => `${name}${issue.path.map((part) => (typeof part === 'number' ? `[${part}]` : `.${String(part)}`)).join('')}: ${issue.message}`)
    .join('; ');
}

const ConfiguredPlatforms = z.array(PlatformSchema).max(MAX_PLATFORMS);

let lastParsed: { text: string; platforms: Platform[] } | null = null;

/**
 * The platforms of `LTI_PLATFORMS`, validated (once per isolate per value);
 * a value that does not read is refused naming each fault.
 * @example configuredPlatforms('[{"issuer":"https://canvas.instructure.com","clientId":"1000","deploymentIds":["1:abc"],"authLoginUrl":"https://sso.canvaslms.com/api/lti/authorize_redirect","jwksUrl":"https://sso.canvaslms.com/api/lti/security/jwks"}]')
 */
export function configuredPlatforms(text: string | undefined): Platform[] {
  if (text === undefined || text.trim() === '') return [];
  if (lastParsed?.text === text) return lastParsed.platforms;
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    throw notConfigured(`LTI_PLATFORMS is not JSON (${(error as Error).message}). It must be a JSON array of {"issuer", "clientId", "deploymentIds": [...], "authLoginUrl", "jwksUrl"} (or "jwks" in place of "jwksUrl").`);
  }
  const parsed = ConfiguredPlatforms.safeParse(json);
  if (!parsed.success) throw notConfigured(`LTI_PLATFORMS does not read: ${describeIssues('LTI_PLATFORMS', parsed.error.issues)}.`);
  const platforms = parsed.data as Platform[];
  lastParsed = { text, platforms };
  return platforms;
}

/** The KV key of a registered platform: issuer, then client id, so one issuer's clients list together. */
export function registrationKey(issuer: string, clientId: string): string {
  return `platform:${issuer}\n${clientId}`;
}

/** Most registrations of one issuer read when a login does not say its client id. */
const MAX_CLIENTS_PER_ISSUER = 20;

async function registeredPlatforms(kv: KVNamespace | undefined, issuer: string, clientId: string | undefined): Promise<Platform[]> {
  if (!kv) return [];
  const keys = clientId !== undefined ? [registrationKey(issuer, clientId)] : (await kv.list({ prefix: registrationKey(issuer, ''), limit: MAX_CLIENTS_PER_ISSUER })).keys.map((k) => k.name);
  const records = await Promise.all(keys.map((key) => kv.get(key, 'json')));
  return records.flatMap((record) => {
    const parsed = RegisteredPlatformSchema.safeParse(record);
    if (!parsed.success) return [];
    const { registeredAt: _, ...platform } = parsed.data;
    return [platform];
  });
}

/**
 * The registered platforms of an issuer (and client id, when given):
 * `LTI_PLATFORMS` first, then the KV namespace.
 * @example await findPlatforms(env, 'https://canvas.instructure.com', '10000000000042')
 */
export async function findPlatforms(env: LtiBindings, issuer: string, clientId?: string): Promise<Platform[]> {
  const configured = configuredPlatforms(env.LTI_PLATFORMS).filter((p) => p.issuer === issuer && (clientId === undefined || p.clientId === clientId));
  const registered = await registeredPlatforms(env.LTI_REGISTRATIONS, issuer, clientId);
  return [...configured, ...registered.filter((r) => !configured.some((c) => c.clientId === r.clientId))];
}
