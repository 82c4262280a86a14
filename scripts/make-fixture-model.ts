// Generates the tiny BERT-shaped test model at test/fixtures/models/fixture/tiny-bert (transformers.js layout).
// No multilingual embedding weights can be had offline, so the dense path is tested with this self-made model:
// a WordPiece tokenizer over the corpus syllables and a seeded random bag-of-tokens encoder. Output is byte-for-byte
// reproducible (seeded PRNG, arithmetic-only sampling, fixed key order). Run: `npx tsx scripts/make-fixture-model.ts`.
import { mkdir, readdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import protobuf from 'protobufjs';
import { foldDiacritics } from '../src/lang/normalize.js';

export interface FixtureModelOptions {
  corpusDir: string;
  outDir: string;
  hiddenSize?: number;
  syllables?: number;
  seed?: number;
}

const SPECIAL_TOKENS = ['[PAD]', '[UNK]', '[CLS]', '[SEP]', '[MASK]'] as const;
const [PAD, UNK, CLS, SEP, MASK] = SPECIAL_TOKENS;

// The pattern of transformers.js / HF tokenizers' BertPreTokenizer: runs of non-space non-punctuation, or one punctuation mark.
const PUNCTUATION = '\\p{P}\\u0021-\\u002F\\u003A-\\u0040\\u005B-\\u0060\\u007B-\\u007E';
const PRE_TOKEN = new RegExp(`[^\\s${PUNCTUATION}]+|[${PUNCTUATION}]`, 'gu');

/** Lower-case Vietnamese letters with every tone, so any Vietnamese word tokenizes without [UNK]. */
function vietnameseLetters(): string[] {
  const tones = ['', '\u0300', '\u0301', '\u0303', '\u0309', '\u0323'];
  const vowels = [...'aăâeêioôơuưy'].flatMap((vowel) => tones.map((tone) => (vowel + tone).normalize('NFC')));
  return [...'abcdefghijklmnopqrstuvwxyzđ0123456789', ...vowels];
}

const byCodePoint = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

/** Vocabulary: special tokens, single characters (plain and `##`), then the most frequent corpus syllables, folded and unfolded. */
export function buildVocab(texts: readonly string[], syllableCount: number): string[] {
  const counts = new Map<string, number>();
  const characters = new Set<string>(vietnameseLetters());
  for (let code = 0x21; code <= 0x7e; code++) characters.add(String.fromCharCode(code).toLowerCase());
  for (const text of texts) {
    for (const word of text.normalize('NFC').toLowerCase().match(PRE_TOKEN) ?? []) {
      for (const character of word) characters.add(character);
      if ([...word].length > 1) counts.set(word, (counts.get(word) ?? 0) + 1);
    }
  }
  const chars = [...characters].sort(byCodePoint);
  const frequent = [...counts].sort(([a, na], [b, nb]) => nb - na || byCodePoint(a, b)).slice(0, syllableCount).map(([word]) => word);
  const vocab = new Set<string>([...SPECIAL_TOKENS, ...chars, ...chars.map((c) => `##${c}`), ...frequent, ...frequent.map(foldDiacritics)]);
  return [...vocab];
}

export function tokenizerJson(vocab: readonly string[]): object {
  const ids = Object.fromEntries(vocab.map((token, id) => [token, id]));
  const special = (token: string) => ({ id: ids[token], content: token, single_word: false, lstrip: false, rstrip: false, normalized: false, special: true });
  const specialEntry = (token: string) => ({ id: token, ids: [ids[token]], tokens: [token] });
  return {
    version: '1.0',
    truncation: null,
    padding: null,
    added_tokens: SPECIAL_TOKENS.map(special),
    // NFC first so decomposed input meets the composed vocabulary; accents are kept (they carry meaning in Vietnamese).
    normalizer: {
      type: 'Sequence',
      normalizers: [{ type: 'NFC' }, { type: 'BertNormalizer', clean_text: true, handle_chinese_chars: true, strip_accents: false, lowercase: true }],
    },
    pre_tokenizer: { type: 'BertPreTokenizer' },
    post_processor: {
      type: 'TemplateProcessing',
      single: [{ SpecialToken: { id: CLS, type_id: 0 } }, { Sequence: { id: 'A', type_id: 0 } }, { SpecialToken: { id: SEP, type_id: 0 } }],
      pair: [
        { SpecialToken: { id: CLS, type_id: 0 } },
        { Sequence: { id: 'A', type_id: 0 } },
        { SpecialToken: { id: SEP, type_id: 0 } },
        { Sequence: { id: 'B', type_id: 1 } },
        { SpecialToken: { id: SEP, type_id: 1 } },
      ],
      special_tokens: { [CLS]: specialEntry(CLS), [SEP]: specialEntry(SEP) },
    },
    decoder: { type: 'WordPiece', prefix: '##', cleanup: true },
    model: { type: 'WordPiece', unk_token: UNK, continuing_subword_prefix: '##', max_input_chars_per_word: 100, vocab: ids },
  };
}

const tokenizerConfig = {
  tokenizer_class: 'BertTokenizer',
  do_lower_case: true,
  strip_accents: false,
  tokenize_chinese_chars: true,
  model_max_length: 512,
  clean_up_tokenization_spaces: true,
  pad_token: PAD,
  unk_token: UNK,
  cls_token: CLS,
  sep_token: SEP,
  mask_token: MASK,
};

const modelConfig = (vocabSize: number, hiddenSize: number) => ({
  architectures: ['BertModel'],
  model_type: 'bert',
  vocab_size: vocabSize,
  hidden_size: hiddenSize,
  num_hidden_layers: 0,
  num_attention_heads: 1,
  intermediate_size: hiddenSize,
  hidden_act: 'tanh',
  max_position_embeddings: 512,
  type_vocab_size: 2,
  layer_norm_eps: 1e-12,
  pad_token_id: 0,
});

// The subset of onnx.proto (https://github.com/onnx/onnx/blob/main/onnx/onnx.proto) this model needs; field numbers as upstream.
const ONNX_PROTO = `
syntax = "proto3";
package onnx;
message AttributeProto {
  enum AttributeType { UNDEFINED = 0; FLOAT = 1; INT = 2; STRING = 3; TENSOR = 4; GRAPH = 5; FLOATS = 6; INTS = 7; }
  string name = 1;
  float f = 2;
  int64 i = 3;
  bytes s = 4;
  TensorProto t = 5;
  repeated int64 ints = 8;
  AttributeType type = 20;
}
message ValueInfoProto { string name = 1; TypeProto type = 2; }
message NodeProto {
  repeated string input = 1;
  repeated string output = 2;
  string name = 3;
  string op_type = 4;
  repeated AttributeProto attribute = 5;
  string domain = 7;
}
message ModelProto {
  int64 ir_version = 1;
  string producer_name = 2;
  string producer_version = 3;
  string domain = 4;
  int64 model_version = 5;
  string doc_string = 6;
  GraphProto graph = 7;
  repeated OperatorSetIdProto opset_import = 8;
}
message GraphProto {
  repeated NodeProto node = 1;
  string name = 2;
  repeated TensorProto initializer = 5;
  string doc_string = 10;
  repeated ValueInfoProto input = 11;
  repeated ValueInfoProto output = 12;
}
message TensorProto {
  enum DataType { UNDEFINED = 0; FLOAT = 1; INT64 = 7; }
  repeated int64 dims = 1;
  int32 data_type = 2;
  string name = 8;
  bytes raw_data = 9;
}
message TensorShapeProto {
  message Dimension {
    oneof value { int64 dim_value = 1; string dim_param = 2; }
  }
  repeated Dimension dim = 1;
}
message TypeProto {
  message Tensor { int32 elem_type = 1; TensorShapeProto shape = 2; }
  oneof value { Tensor tensor_type = 1; }
}
message OperatorSetIdProto { string domain = 1; int64 version = 2; }
`;

const FLOAT = 1;
const INT64 = 7;

/** mulberry32: a small seeded PRNG, identical on every platform. */
function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Roughly normal values (Irwin–Hall sum of four uniforms): plain arithmetic, so the bytes never depend on libm. */
function randomFloats(random: () => number, count: number, scale: number): Buffer {
  const bytes = Buffer.alloc(count * 4);
  for (let i = 0; i < count; i++) {
    const sum = random() + random() + random() + random() - 2;
    bytes.writeFloatLE(sum * Math.sqrt(3) * scale, i * 4);
  }
  return bytes;
}

const floatTensor = (name: string, dims: number[], raw: Buffer) => ({ name, dims, dataType: FLOAT, rawData: raw });

const int64Tensor = (name: string, values: number[]) => {
  const raw = Buffer.alloc(values.length * 8);
  values.forEach((value, i) => raw.writeBigInt64LE(BigInt(value), i * 8));
  return { name, dims: [values.length], dataType: INT64, rawData: raw };
};

const valueInfo = (name: string, elemType: number, dims: (string | number)[]) => ({
  name,
  type: {
    tensorType: {
      elemType,
      shape: { dim: dims.map((dim) => (typeof dim === 'string' ? { dimParam: dim } : { dimValue: dim })) },
    },
  },
});

const node = (opType: string, input: string[], output: string[], attribute: object[] = []) => ({ opType, name: output[0], input, output, attribute });

/**
 * last_hidden_state = tanh((E_word[input_ids] + E_type[token_type_ids]) · W + b) ⊙ attention_mask.
 * No attention layers: mean pooling then gives a seeded random bag-of-tokens embedding, enough to exercise the dense path.
 */
export function buildOnnxModel(vocabSize: number, hiddenSize: number, seed: number): Uint8Array {
  const root = protobuf.parse(ONNX_PROTO, { keepCase: false }).root;
  const ModelProto = root.lookupType('onnx.ModelProto');
  const random = seededRandom(seed);
  const initializer = [
    floatTensor('word_embeddings', [vocabSize, hiddenSize], randomFloats(random, vocabSize * hiddenSize, 1)),
    floatTensor('token_type_embeddings', [2, hiddenSize], randomFloats(random, 2 * hiddenSize, 0.02)),
    floatTensor('dense_weight', [hiddenSize, hiddenSize], randomFloats(random, hiddenSize * hiddenSize, 1 / Math.sqrt(hiddenSize))),
    floatTensor('dense_bias', [hiddenSize], randomFloats(random, hiddenSize, 0.02)),
    int64Tensor('mask_axes', [2]),
  ];
  const graph = {
    name: 'tiny-bert',
    node: [
      node('Gather', ['word_embeddings', 'input_ids'], ['word_vectors']),
      node('Gather', ['token_type_embeddings', 'token_type_ids'], ['type_vectors']),
      node('Add', ['word_vectors', 'type_vectors'], ['embeddings']),
      node('MatMul', ['embeddings', 'dense_weight'], ['projected']),
      node('Add', ['projected', 'dense_bias'], ['biased']),
      node('Tanh', ['biased'], ['activated']),
      node('Cast', ['attention_mask'], ['mask_float'], [{ name: 'to', type: 2, i: FLOAT }]),
      node('Unsqueeze', ['mask_float', 'mask_axes'], ['mask_3d']),
      node('Mul', ['activated', 'mask_3d'], ['last_hidden_state']),
    ],
    initializer,
    input: ['input_ids', 'attention_mask', 'token_type_ids'].map((name) => valueInfo(name, INT64, ['batch_size', 'sequence_length'])),
    output: [valueInfo('last_hidden_state', FLOAT, ['batch_size', 'sequence_length', hiddenSize])],
  };
  const model = {
    irVersion: 8,
    producerName: 'hoi-dap-ke-hoach/make-fixture-model',
    producerVersion: '1',
    docString: 'Test fixture only: seeded random weights, not a real language model.',
    graph,
    opsetImport: [{ domain: '', version: 17 }],
  };
  const problem = ModelProto.verify(model);
  if (problem) throw new Error(`invalid ONNX model: ${problem}`);
  return ModelProto.encode(ModelProto.fromObject(model)).finish();
}

/** Writes config.json, tokenizer.json, tokenizer_config.json and onnx/model.onnx into `outDir`; returns the written paths. */
export async function makeFixtureModel(options: FixtureModelOptions): Promise<string[]> {
  const { corpusDir, outDir, hiddenSize = 64, syllables = 2000, seed = 20240601 } = options;
  const names = (await readdir(corpusDir)).filter((name) => name.endsWith('.txt')).sort(byCodePoint);
  const texts = await Promise.all(names.map((name) => readFile(path.join(corpusDir, name), 'utf8')));
  const vocab = buildVocab(texts, syllables);
  const files: [string, string | Uint8Array][] = [
    ['config.json', `${JSON.stringify(modelConfig(vocab.length, hiddenSize), null, 2)}\n`],
    ['tokenizer.json', `${JSON.stringify(tokenizerJson(vocab))}\n`],
    ['tokenizer_config.json', `${JSON.stringify(tokenizerConfig, null, 2)}\n`],
    ['onnx/model.onnx', buildOnnxModel(vocab.length, hiddenSize, seed)],
  ];
  await mkdir(path.join(outDir, 'onnx'), { recursive: true });
  for (const [name, content] of files) await writeFile(path.join(outDir, name), content);
  return files.map(([name]) => path.join(outDir, name));
}

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
export const FIXTURE_MODEL_DIR = path.join(repoRoot, 'test/fixtures/models/fixture/tiny-bert');

if (process.argv[1] && import.meta.url === pathToFileURL(path.resolve(process.argv[1])).href) {
  const written = await makeFixtureModel({ corpusDir: path.join(repoRoot, 'corpus'), outDir: FIXTURE_MODEL_DIR });
  for (const file of written) console.log(path.relative(repoRoot, file));
}
