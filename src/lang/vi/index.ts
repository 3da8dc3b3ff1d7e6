import type { LanguageData } from '../types.ts';

/** Letters only Vietnamese writes: a word with one is a native word, not a foreign name. */
export const VIETNAMESE_MARKS =
  /[ăâđêôơưàảãáạằẳẵắặầẩẫấậèẻẽéẹềểễếệìỉĩíịòỏõóọồổỗốộờởỡớợùủũúụừửữứựỳỷỹýỵ]/iu;

export const vi: LanguageData = {
  code: 'vi',
  segmenter: 'syllables',
  joinsUnderscoredWords: true,
  packHeadwords: 'lower-case',
  nativeWordLetters: VIETNAMESE_MARKS,
  shortCountryNames: true,
  // Vietnamese news writes `Mỹ` and `Anh` far more often than `Hoa Kỳ` and `Vương quốc Anh`.
  countryShortForms: { mỹ: 'US', anh: 'GB', ý: 'IT' },
  multipliers: [
    [/^\s*(nghìn|ngàn)(?!\p{L})/iu, 1e3],
    [/^\s*triệu(?!\p{L})/iu, 1e6],
    [/^\s*(tỷ|tỉ)(?!\p{L})/iu, 1e9],
  ],
  numericDate: { month: 'tháng', year: 'năm' },
  calendar: {
    weekdays: [
      ['chủ nhật'],
      ['thứ hai'],
      ['thứ ba'],
      ['thứ tư'],
      ['thứ năm'],
      ['thứ sáu'],
      ['thứ bảy'],
    ],
  },
  relativeDays: [
    [['hôm qua'], -1],
    [['hôm nay'], 0],
    [['hôm kia'], -2],
    [['đêm qua'], -1],
  ],
  figureCues: {
    killed: /chết|thiệt mạng|tử vong|thiệt_mạng|tử_vong|tử nạn|thiệt mạng/i,
    injured: /bị thương|bị_thương/i,
    arrested: /bị bắt|bắt giữ|bị_bắt|bắt_giữ|tạm giữ|bị giam/i,
    crowd:
      /người biểu tình|người_biểu_tình|người tham gia|người tuần hành|người tụ tập|người bao vây|người xuống đường/i,
  },
  qualifiers: { atLeast: ['ít nhất'], moreThan: ['hơn'], about: ['khoảng', 'gần'] },
  captionLabels: ['Ảnh'],
  boilerplate: [/^xem thêm\b/iu, /^tin liên quan\b/iu],
  entityCues: {
    person: `tổng thống, thủ tướng, ông, bà, chủ tịch, lãnh đạo, bộ trưởng, tướng,
      người phát ngôn, cựu tổng thống, nghị sĩ, ứng viên, thẩm phán`,
    org: `đảng, bộ, sở, cục, viện, tổ chức, liên minh, ngân hàng, hội đồng, ủy ban, công ty, hãng, hãng tin,
      đại học, thông tấn xã, tập đoàn`,
    place: `thành phố, tỉnh, huyện, xã, thị trấn, thị xã, làng, đảo, bán đảo, vùng, quận,
      thủ đô, khu vực`,
  },
};
