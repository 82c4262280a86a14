import { copyFile, mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { makeDocx, makePdf } from './__fixtures__/make-documents.js';
import { loadCorpus } from './load-corpus.js';

const corpus = new URL('../../corpus/', import.meta.url);
const dirs: string[] = [];
async function tempDir(): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), 'load-corpus-'));
  dirs.push(dir);
  return dir;
}
afterEach(async () => {
  await Promise.all(dirs.splice(0).map((dir) => rm(dir, { recursive: true, force: true })));
});

describe('loadCorpus', () => {
  it('loads the five plans with their manifest metadata, sorted by id', async () => {
    const { documents, failures } = await loadCorpus(new URL('.', corpus).pathname);
    expect(failures).toEqual([]);
    expect(documents.map((doc) => doc.meta.id)).toEqual(['ben-tre-8557-2021', 'ha-noi-2021-2030', 'huu-lung-2022', 'khanh-hoa-2618-2022', 'lang-son-thanh-pho-2024']);
    const khanhHoa = documents.find((doc) => doc.meta.id === 'khanh-hoa-2618-2022')!;
    expect(khanhHoa.meta).toMatchObject({ number: '2618/KH-UBND', signer: 'Đinh Văn Thiệu', sourceFile: 'khanh-hoa-2618-2022.txt' });
    expect(khanhHoa.text.startsWith('ỦY BAN NHÂN DÂN')).toBe(true);
    expect(khanhHoa.hash).toMatch(/^[0-9a-f]{64}$/u);
  });

  it('loads the good files of a mixed folder and reports the bad ones', async () => {
    const dir = await tempDir();
    await copyFile(new URL('khanh-hoa-2618-2022.txt', corpus), join(dir, 'khanh-hoa-2618-2022.txt'));
    await writeFile(join(dir, 'Kế hoạch Hữu Lũng.docx'), await makeDocx(['ỦY BAN NHÂN DÂN', 'HUYỆN HỮU LŨNG', 'Số: 12/KH-UBND', 'Hữu Lũng, ngày 05 tháng 01 năm 2022', 'KẾ HOẠCH', 'Chăm sóc sức khỏe người cao tuổi giai đoạn 2021 - 2025', 'I. MỤC TIÊU', 'Nâng cao chất lượng chăm sóc.']));
    await writeFile(join(dir, 'plan.pdf'), await makePdf([['KE HOACH', 'I. MUC TIEU']]));
    await writeFile(join(dir, 'hong.pdf'), 'not a pdf');
    await writeFile(join(dir, 'rong.txt'), '');
    await writeFile(join(dir, 'bang.xlsx'), 'x');
    await writeFile(join(dir, 'README.md'), '# notes');
    await writeFile(join(dir, 'manifest.json'), JSON.stringify({ documents: [{ id: 'kh', title: 'Kế hoạch Khánh Hòa', sourceFile: 'khanh-hoa-2618-2022.txt' }] }));
    await mkdir(join(dir, 'subfolder'));

    const { documents, failures } = await loadCorpus(dir);
    expect(documents.map((doc) => doc.meta.id)).toEqual(['ke-hoach-huu-lung', 'kh', 'plan']);
    // The manifest entry wins over what the text says; fields it leaves out are read from the text.
    expect(documents.find((doc) => doc.meta.id === 'kh')!.meta).toMatchObject({ id: 'kh', title: 'Kế hoạch Khánh Hòa', sourceFile: 'khanh-hoa-2618-2022.txt', number: '2618/KH-UBND', type: 'Kế hoạch' });
    const docx = documents.find((doc) => doc.meta.id === 'ke-hoach-huu-lung')!;
    expect(docx.meta).toMatchObject({ number: '12/KH-UBND', level: 'huyện', locality: 'Huyện Hữu Lũng', issuedDate: '2022-01-05', period: '2021-2025', sourceFile: 'Kế hoạch Hữu Lũng.docx' });
    expect(failures.map((failure) => failure.file)).toEqual(['bang.xlsx', 'hong.pdf', 'rong.txt']);
    expect(failures[0].reason).toMatch(/unsupported file type/u);
    expect(failures[1].reason).toMatch(/hong\.pdf.*damaged/u);
    expect(failures[2].reason).toMatch(/rong\.txt.*empty/u);
  });

  it('reads the title from the text when a manifest entry leaves it out', async () => {
    const dir = await tempDir();
    await copyFile(new URL('khanh-hoa-2618-2022.txt', corpus), join(dir, 'kh.txt'));
    await writeFile(join(dir, 'manifest.json'), JSON.stringify({ documents: [{ id: 'kh', locality: 'Tỉnh Khánh Hòa (sửa)', sourceFile: 'kh.txt' }] }));
    const { documents, failures } = await loadCorpus(dir);
    expect(failures).toEqual([]);
    expect(documents[0].meta).toMatchObject({ id: 'kh', locality: 'Tỉnh Khánh Hòa (sửa)', number: '2618/KH-UBND' });
    expect(documents[0].meta.title).toMatch(/^Kế hoạch triển khai thực hiện chương trình nâng cao/u);
  });

  it('gives duplicate ids a numeric suffix and reports a broken manifest', async () => {
    const dir = await tempDir();
    await writeFile(join(dir, 'ke-hoach.txt'), 'KẾ HOẠCH\nMột');
    await writeFile(join(dir, 'Kế hoạch.txt'), 'KẾ HOẠCH\nHai');
    await writeFile(join(dir, 'manifest.json'), '{ "documents": [ { "id": 1 } ] }');
    const { documents, failures } = await loadCorpus(dir);
    expect(documents.map((doc) => doc.meta.id).sort()).toEqual(['ke-hoach', 'ke-hoach-2']);
    expect(failures).toHaveLength(1);
    expect(failures[0]).toMatchObject({ file: 'manifest.json' });
    expect(failures[0].reason).toMatch(/manifest ignored/u);
  });
});
