/**
 * The BIA block `bcp init` writes (issue 21): every question as a comment and one filled-in
 * row per list, in words of our own (nothing from the example company). The check reads
 * the same text to tell a row left as written here (「見本のまま」).
 */
import { parse } from 'yaml';
import type { Bia } from './schema.ts';

export const BIA_SAMPLE_YAML = `# 業務への影響分析（BIA）。サイトの「業務影響と復旧の順番」と PDF に出ます（社内版だけ）。
# 下の各1行は書き方の例です。自社の業務・システムに書き換え、行を足してください。
# 書いた回答の例は answers/example.yaml の bia（架空の会社）にあります。
bia:
  # 質問: 工場全体を、攻撃からいつまでに再開させますか。各システムの rto はこの中に収めます。
  restartTarget: 3日以内
  # 影響を測る軸。質問: 業務が止まると、何に困りますか（納期、お金、品質・安全など）。
  # id は半角英小文字で、processes の impact で使います。criteria は高・中・低の判定基準です。
  axes:
    - id: delivery
      name: 納期
      criteria:
        高: 1日止まると、取引先への納品に間に合わない
        中: 数日までなら、在庫で納期を守れる
        低: 1週間止まっても、納期には響かない
  # 業務。質問: 事業を続けるのに欠かせない業務は何ですか。止まると、軸ごとにどれだけ響きますか（高・中・低）。
  # systems には業務が使うシステムと依存度を書きます。
  # 松 = 止まると手作業では回らない、竹 = データがあれば手作業で代われる、梅 = なくても何とかなる。
  # 優先度 S〜D は書きません。影響と依存度から決まります。
  processes:
    - name: 注文の受付
      impact: { delivery: 高 }
      systems:
        - system: 受注用のパソコン
          dependency: 竹
  # システム。質問: いつまでに戻しますか（rto）。止まっている間はどうしますか（fallback）。
  # 戻ったあと、何を見て打ち直しますか（reentry）。バックアップはいくつ、どこにありますか（backup）。
  # backup.copies は本番のほかのコピーを1つずつ書きます。kind は媒体、offline はネットワークから外して
  # いるか、offsite と place は別の場所に置いているかとその場所です。3-2-1 は、コピー2つ以上・媒体2種類・
  # オフラインのコピー1つ・場所を書いた別の場所のコピー1つで満たします。
  # lastRestoreTest は実際に戻してみた最後の日（年-月-日）です。
  systems:
    - name: 受注用のパソコン
      rto: 2日以内
      fallback: 電話とファクスの注文を紙の台帳に書いて受ける
      reentry: 紙の台帳から、最後のバックアップ以降の注文を打ち直す
      backup:
        copies:
          - { kind: 外付けHDD, offline: true }
        schedule: 毎週金曜の終業時
`;

let sample: Bia | undefined;

/** The sample rows, parsed once. */
export function biaSample(): Bia {
  sample ??= (parse(BIA_SAMPLE_YAML) as { bia: Bia }).bia;
  return sample;
}
