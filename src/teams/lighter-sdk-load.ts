import Module from 'node:module';

/**
 * teams-ai v1 loads, as it starts, packages that only its AI and sign-in features use: OpenAI's
 * client, a GPT tokenizer with its whole vocabulary, YAML and JSON-schema libraries, and
 * botbuilder-dialogs, which brings the Recognizers-Text suites for every culture. Clusterbot
 * uses none of those features, yet they cost every instance about 45 MB and half a second at
 * start. So requests for them from inside teams-ai get a stand-in that loads the real package
 * the first time anything in it is actually used (never, in Clusterbot), and `Dialog`, which
 * teams-ai extends as it loads, comes from its own small file. (Their subpaths too, such as the
 * tokenizer's vocabularies.)
 *
 * Safe because both teams-ai and these packages are pinned and archived upstream (they will
 * not change under us), only requests from inside teams-ai are redirected, and anything used
 * loads the real thing (test/unit/lighter-sdk-load.test.ts checks both). Called first by main.ts.
 */
const LOADED_ON_FIRST_USE = new Set(['openai', 'gpt-tokenizer', 'yaml', 'jsonschema', 'botbuilder-dialogs']);

/** What teams-ai touches of botbuilder-dialogs while loading, each from its own file. */
const DIALOGS_FROM_OWN_FILE: Record<string, string> = {
  Dialog: 'dialog',
  DialogTurnStatus: 'dialog',
};

type Loader = (request: string, parent: Parent | undefined, isMain: boolean) => unknown;

interface Parent {
  filename?: string;
}

/**
 * The real package is loaded with Node's own loader and the resolved path: not through
 * `require`, which telemetry hooks (and which would hand back this stand-in for the same file).
 */
function loadedOnFirstUse(request: string, parent: Parent, nodeLoad: Loader): object {
  const resolve = (specifier: string) =>
    Module.createRequire(parent.filename ?? __filename).resolve(specifier);
  const loadFile = (specifier: string) =>
    nodeLoad.call(Module, resolve(specifier), parent, false) as Record<string | symbol, unknown>;
  let real: Record<string | symbol, unknown> | undefined;
  const load = () => {
    real ??= loadFile(request);
    return real;
  };
  return new Proxy(
    {},
    {
      get(_target, name) {
        // Lets TypeScript's `__importStar` take the stand-in as it is, without listing its keys.
        if (name === '__esModule' && !real) return true;
        const file =
          request === 'botbuilder-dialogs' && typeof name === 'string' && DIALOGS_FROM_OWN_FILE[name];
        if (file && !real) return loadFile(`botbuilder-dialogs/lib/${file}`)[name];
        return load()[name];
      },
      has: (_target, name) => name in load(),
      ownKeys: () => Reflect.ownKeys(load()),
      getOwnPropertyDescriptor: (_target, name) => {
        const descriptor = Reflect.getOwnPropertyDescriptor(load(), name);
        return descriptor ? { ...descriptor, configurable: true } : undefined;
      },
    },
  );
}

let installed = false;

export function loadTeamsAiWithoutUnusedParts(): void {
  if (installed) return;
  installed = true;
  const moduleWithLoad = Module as unknown as { _load: Loader };
  const load = moduleWithLoad._load;
  const standIns = new Map<string, object>();
  moduleWithLoad._load = function (this: unknown, request, parent, isMain) {
    const fromTeamsAi = parent?.filename?.includes('/@microsoft/teams-ai/');
    const packageName = request.startsWith('@') ? request : request.split('/')[0];
    if (fromTeamsAi && parent?.filename && packageName && LOADED_ON_FIRST_USE.has(packageName)) {
      let standIn = standIns.get(request);
      if (!standIn) {
        standIn = loadedOnFirstUse(request, parent, load);
        standIns.set(request, standIn);
      }
      return standIn;
    }
    return load.call(this, request, parent, isMain);
  };
}
