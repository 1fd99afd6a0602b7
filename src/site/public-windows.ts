/**
 * Public consulting and reporting windows (IPA's incident-response guidance, its list of
 * windows). Names and URLs as published; what each is for is in our words. Pages show
 * `PUBLIC_WINDOWS_AS_OF` so a reader knows how fresh the list is: check it at each review.
 */

export interface PublicWindow {
  /** Stable, for anchors and tests. */
  id: string;
  kind: '相談' | '報告' | '参考';
  organisation: string;
  window: string;
  /** When to use it, in our words. */
  use: string;
  /** https only; absent when the right office depends on the company (the ministry). */
  url?: string;
}

/** When the list was last checked against the sources. */
export const PUBLIC_WINDOWS_AS_OF = '2026年12月時点';

export const PUBLIC_WINDOWS: readonly PublicWindow[] = [
  {
    id: 'ipa-consult',
    kind: '相談',
    organisation: 'IPA（情報処理推進機構）',
    window: '企業組織向けサイバーセキュリティ相談窓口',
    use: '攻撃を受けた、または受けたかもしれないときの相談。届出や情報提供もここから',
    url: 'https://www.ipa.go.jp/security/support/soudan.html',
  },
  {
    id: 'police',
    kind: '相談',
    organisation: '都道府県警察',
    window: 'サイバー犯罪相談窓口',
    use: '不正アクセス、脅迫、身代金の要求など、犯罪の疑いがあるとき。所在地の都道府県警察の窓口を一覧から選ぶ',
    url: 'https://www.npa.go.jp/bureau/cyber/soudan.html',
  },
  {
    id: 'jpcert',
    kind: '相談',
    organisation: 'JPCERT/CC',
    window: 'インシデント対応依頼',
    use: '攻撃への対応について、技術面の調整や助言を頼みたいとき',
    url: 'https://www.jpcert.or.jp/form/',
  },
  {
    id: 'jnsa-responders',
    kind: '相談',
    organisation: 'JNSA（日本ネットワークセキュリティ協会）',
    window: 'サイバーインシデント緊急対応企業一覧',
    use: '調査や復旧を頼める会社を探すとき（対応の範囲、条件、費用は平時に確かめておく）',
    url: 'https://www.jnsa.org/emergency_response/',
  },
  {
    id: 'ipa-report',
    kind: '報告',
    organisation: 'IPA（情報処理推進機構）',
    window: 'コンピュータウイルス・不正アクセスの届出',
    use: 'ウイルスに感染した、不正アクセスを受けたときの届出',
    url: 'https://www.ipa.go.jp/security/todokede/crack-virus/about.html',
  },
  {
    id: 'ppc-leak',
    kind: '報告',
    organisation: '個人情報保護委員会',
    window: '個人情報の漏えい等の報告',
    use: '法令で報告が求められる漏えい等が起きた、またはそのおそれがあるとき',
    url: 'https://www.ppc.go.jp/personalinfo/legal/leakAction/',
  },
  {
    id: 'ppc-mynumber',
    kind: '報告',
    organisation: '個人情報保護委員会',
    window: '特定個人情報（マイナンバーを含む情報）の漏えい等の報告',
    use: '従業員のマイナンバーなどが漏えいした、またはそのおそれがあるとき',
    url: 'https://www.ppc.go.jp/legal/rouei/',
  },
  {
    id: 'ministry',
    kind: '報告',
    organisation: '所管の省庁',
    window: '業法などで定められた届出先',
    use: '当社の業種に適用される法令が届出を求めているとき。どの省庁のどの窓口かは平時に確かめておく',
  },
  {
    id: 'nisc-guidance',
    kind: '参考',
    organisation: '内閣官房（NISC）ほか',
    window: 'サイバー攻撃被害に係る情報の共有・公表ガイダンス',
    use: '被害の情報を取引先などと共有する範囲や、公表の進め方を決めるとき',
    url: 'https://www.nisc.go.jp/pdf/council/cs/kyogikai/guidance2022_honbun.pdf',
  },
  {
    id: 'ipa-ransomware',
    kind: '参考',
    organisation: 'IPA（情報処理推進機構）',
    window: 'ランサムウェア対策特設ページ',
    use: 'ランサムウェアの予防と、被害を小さくする方法を調べるとき',
    url: 'https://www.ipa.go.jp/security/anshin/measures/ransom_tokusetsu.html',
  },
];
