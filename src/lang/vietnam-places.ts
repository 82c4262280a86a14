// Gazetteer: Vietnam's 63 provinces and centrally governed cities (names before the 2025 merger), with the
// common other spellings, plus the districts of the provinces the first corpus covers.

import { foldDiacritics } from './normalize.js';

export type PlaceKind = 'city' | 'province' | 'district';

export interface Place {
  /** Official short name with diacritics, e.g. "Khánh Hòa". */
  name: string;
  kind: PlaceKind;
  /** For a district: the province it lies in. */
  province?: string;
  /** Other ways people write it (diacritics optional when matching). */
  aliases: readonly string[];
  /**
   * The name is also an ordinary phrase ("hòa bình" = peace, "nâng cao bằng", "tham gia lại"): accepted only when
   * written as a proper noun (Title Case) or after "tỉnh"/"thành phố"/"huyện"/"province"….
   */
  ambiguous?: boolean;
  /** Words that, right before the name, make it something else ("tư tưởng Hồ Chí Minh" is not the city). */
  notAfter?: readonly string[];
}

const city = (name: string, ...aliases: string[]): Place => ({ name, kind: 'city', aliases });
const province = (name: string, ...aliases: string[]): Place => ({ name, kind: 'province', aliases });
const ambiguousProvince = (name: string, ...aliases: string[]): Place => ({ name, kind: 'province', aliases, ambiguous: true });
const district = (provinceName: string, name: string, ambiguous = true): Place => ({
  name,
  kind: 'district',
  province: provinceName,
  aliases: [],
  ambiguous,
});

export const VIETNAM_PLACES: readonly Place[] = [
  city('Hà Nội', 'Hanoi', 'Ha Noi'),
  {
    ...city('Hồ Chí Minh', 'TP.HCM', 'TPHCM', 'TP HCM', 'HCM', 'HCMC', 'Sài Gòn', 'Saigon', 'Sai Gon', 'Ho Chi Minh City'),
    notAfter: ['tư tưởng', 'phong cách', 'đạo đức', 'chủ tịch', 'Bác', 'TNCS', 'Cộng sản', 'tiền phong', 'lăng', 'Ho Chi Minh Thought'],
  },
  city('Hải Phòng', 'Haiphong'),
  city('Đà Nẵng', 'Danang'),
  city('Cần Thơ', 'Cantho'),
  province('An Giang'),
  province('Bà Rịa - Vũng Tàu', 'Bà Rịa Vũng Tàu', 'Vũng Tàu', 'BR-VT', 'Vung Tau'),
  province('Bắc Giang'),
  province('Bắc Kạn', 'Bắc Cạn'),
  province('Bạc Liêu'),
  province('Bắc Ninh'),
  province('Bến Tre'),
  ambiguousProvince('Bình Định'),
  province('Bình Dương'),
  province('Bình Phước'),
  ambiguousProvince('Bình Thuận'),
  province('Cà Mau'),
  ambiguousProvince('Cao Bằng'),
  province('Đắk Lắk', 'Đắc Lắc', 'Daklak', 'Dak Lak'),
  province('Đắk Nông', 'Đắc Nông', 'Dak Nong'),
  province('Điện Biên'),
  province('Đồng Nai'),
  province('Đồng Tháp'),
  ambiguousProvince('Gia Lai'),
  province('Hà Giang'),
  ambiguousProvince('Hà Nam'),
  province('Hà Tĩnh'),
  province('Hải Dương'),
  province('Hậu Giang'),
  ambiguousProvince('Hòa Bình'),
  province('Hưng Yên'),
  province('Khánh Hòa'),
  province('Kiên Giang'),
  province('Kon Tum', 'Kontum'),
  province('Lai Châu'),
  province('Lâm Đồng'),
  province('Lạng Sơn'),
  province('Lào Cai'),
  ambiguousProvince('Long An'),
  ambiguousProvince('Nam Định'),
  province('Nghệ An'),
  province('Ninh Bình'),
  province('Ninh Thuận'),
  ambiguousProvince('Phú Thọ'),
  province('Phú Yên'),
  province('Quảng Bình'),
  ambiguousProvince('Quảng Nam'),
  province('Quảng Ngãi'),
  province('Quảng Ninh'),
  province('Quảng Trị'),
  province('Sóc Trăng'),
  province('Sơn La'),
  province('Tây Ninh'),
  ambiguousProvince('Thái Bình'),
  province('Thái Nguyên'),
  province('Thanh Hóa'),
  province('Thừa Thiên Huế', 'Thừa Thiên - Huế', 'Huế'),
  province('Tiền Giang'),
  province('Trà Vinh'),
  province('Tuyên Quang'),
  province('Vĩnh Long'),
  province('Vĩnh Phúc'),
  province('Yên Bái'),
  // Districts of Lạng Sơn and Khánh Hòa, so "huyện Chi Lăng" is known to lie outside the Lạng Sơn plans and
  // "Nha Trang" inside the Khánh Hòa one.
  ...['Bắc Sơn', 'Bình Gia', 'Cao Lộc', 'Chi Lăng', 'Đình Lập', 'Hữu Lũng', 'Lộc Bình', 'Tràng Định', 'Văn Lãng', 'Văn Quan'].map((n) =>
    district('Lạng Sơn', n),
  ),
  ...['Nha Trang', 'Cam Ranh', 'Ninh Hòa', 'Vạn Ninh', 'Diên Khánh', 'Cam Lâm', 'Khánh Vĩnh', 'Khánh Sơn', 'Trường Sa'].map((n) =>
    district('Khánh Hòa', n, n !== 'Nha Trang' && n !== 'Cam Ranh'),
  ),
];

/** Each two syllables running in a place's name or other spelling, folded and lower-cased: "lam dong", "can tho". */
export const PLACE_PAIRS: ReadonlySet<string> = new Set(
  VIETNAM_PLACES.flatMap((place) => [place.name, ...place.aliases]).flatMap((name) => {
    const syllables = foldDiacritics(name).toLowerCase().split(/[^a-z0-9]+/).filter(Boolean);
    return syllables.slice(1).map((syllable, i) => `${syllables[i]} ${syllable}`);
  }),
);
