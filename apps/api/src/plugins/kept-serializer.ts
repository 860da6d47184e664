import { serializerCompiler } from 'fastify-type-provider-zod';
import { isKeptAnswer } from '../modules/fact-version.ts';

type SerializerCompiler = Parameters<typeof serializerCompiler>[0];

/**
 * The zod response check and JSON of every route (`fastify-type-provider-zod`), written once per
 * answer that a fact-version memo keeps (`memoizedByFacts`: the dashboard, the ranking draft, the
 * battle map): a second reader of the same kept answer gets the same checked JSON. Other answers
 * are checked and written every time.
 */
export function keptSerializerCompiler(route: SerializerCompiler) {
  const serialize = serializerCompiler(route);
  const written = new WeakMap<object, string>();
  return (data: unknown): string => {
    if (!isKeptAnswer(data)) return serialize(data);
    let json = written.get(data);
    if (json === undefined) {
      json = serialize(data);
      written.set(data, json);
    }
    return json;
  };
}

