import './style.css';
import { ApiClient, ApiError } from './api';
import { loadConfig } from './config';
import { clearProblem, showAccount, showDeployed, showFunctions, showProblem } from './views';

// sessionStorage: the token lives as long as this tab, and is never written to disk by the page.
const TOKEN_KEY = 'wasmcloud.apiToken';

const page = {
  account: byId('account'),
  signOut: byId<HTMLButtonElement>('sign-out'),
  problem: byId('problem'),
  tokenSection: byId('token-section'),
  tokenForm: byId<HTMLFormElement>('token-form'),
  tokenInput: byId<HTMLInputElement>('token'),
  workspace: byId('workspace'),
  functions: byId('functions'),
  deployForm: byId<HTMLFormElement>('deploy-form'),
  functionName: byId<HTMLInputElement>('function-name'),
  moduleFile: byId<HTMLInputElement>('module-file'),
  deployButton: byId<HTMLButtonElement>('deploy-button'),
  deployProblem: byId('deploy-problem'),
  deployResult: byId('deploy-result'),
};

let client: ApiClient | null = null;

async function start(): Promise<void> {
  let apiBaseUrl: string;
  try {
    ({ apiBaseUrl } = await loadConfig());
  } catch (error) {
    showProblem(page.problem, asApiError(error, 'Panel misconfigured'));
    return;
  }

  page.tokenForm.addEventListener('submit', (event) => {
    event.preventDefault();
    const token = page.tokenInput.value.trim();
    if (token === '') {
      return;
    }
    sessionStorage.setItem(TOKEN_KEY, token);
    page.tokenInput.value = '';
    void signIn(new ApiClient({ baseUrl: apiBaseUrl, token }));
  });
  page.signOut.addEventListener('click', signOut);
  page.deployForm.addEventListener('submit', (event) => {
    event.preventDefault();
    void deploy();
  });

  const saved = sessionStorage.getItem(TOKEN_KEY);
  if (saved !== null) {
    await signIn(new ApiClient({ baseUrl: apiBaseUrl, token: saved }));
  } else {
    showTokenForm();
  }
}

async function signIn(candidate: ApiClient): Promise<void> {
  clearProblem(page.problem);
  try {
    const [who, functions] = await Promise.all([candidate.whoami(), candidate.listFunctions()]);
    client = candidate;
    showAccount(page.account, who);
    showFunctions(page.functions, functions);
    page.tokenSection.hidden = true;
    page.account.hidden = false;
    page.signOut.hidden = false;
    page.workspace.hidden = false;
    page.deployButton.disabled = who.status !== 'active';
  } catch (error) {
    const problem = asApiError(error, 'Sign-in failed');
    if (problem.status === 401 || problem.status === 403) {
      sessionStorage.removeItem(TOKEN_KEY);
    }
    showTokenForm();
    showProblem(page.problem, problem);
  }
}

function signOut(): void {
  sessionStorage.removeItem(TOKEN_KEY);
  client = null;
  clearProblem(page.problem);
  clearProblem(page.deployProblem);
  page.deployResult.replaceChildren();
  showTokenForm();
}

function showTokenForm(): void {
  page.workspace.hidden = true;
  page.account.hidden = true;
  page.signOut.hidden = true;
  page.tokenSection.hidden = false;
  page.tokenInput.focus();
}

async function deploy(): Promise<void> {
  const file = page.moduleFile.files?.[0];
  if (client === null || file === undefined) {
    return;
  }
  const name = page.functionName.value.trim();
  clearProblem(page.deployProblem);
  page.deployResult.replaceChildren('Uploading…');
  page.deployButton.disabled = true;
  try {
    const version = await client.deployVersion(name, file, file.name);
    showDeployed(page.deployResult, version);
    page.deployForm.reset();
    showFunctions(page.functions, await client.listFunctions());
  } catch (error) {
    page.deployResult.replaceChildren();
    showProblem(page.deployProblem, asApiError(error, 'Deploy failed'));
  } finally {
    page.deployButton.disabled = false;
  }
}

function asApiError(error: unknown, title: string): ApiError {
  if (error instanceof ApiError) {
    return error;
  }
  return new ApiError(0, title, error instanceof Error ? error.message : String(error));
}

function byId<T extends HTMLElement = HTMLElement>(id: string): T {
  const element = document.getElementById(id);
  if (element === null) {
    throw new Error(`index.html has no element #${id}`);
  }
  return element as T;
}

void start();
