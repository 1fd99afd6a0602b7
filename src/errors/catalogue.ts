/**
 * The one catalogue of problems this tool reports, with stable rule ids.
 *
 * Following Astro's error guide: each entry's `message` says what happened and what to
 * do, in Japanese for the people who edit the plan, under a short `title`. Positions are
 * not repeated in the text; the reporter prints them in front.
 */

export type Severity = 'error' | 'warning';

interface RuleEntry<P> {
  severity: Severity;
  /** Short title used in summaries. */
  title: string;
  message: (params: P) => string;
}

function rule<P>(entry: RuleEntry<P>): RuleEntry<P> {
  return entry;
}

interface SlotParams {
  marker: string;
  label?: string;
  question?: string;
  answerPath?: string;
  answersFile?: string;
  /** Where in the answers file to add a missing answer: `answers/answers.yaml:35:3（\`slots.6\` の次）`. */
  answerPlace?: string;
}

export const RULES = {
  // --- content: slots ----------------------------------------------------------
  'missing-answer': rule<SlotParams>({
    severity: 'error',
    title: '回答がない枠',
    message: (p) =>
      p.answerPlace
        ? `枠 \`${p.marker}\`（${p.label}）に回答がありません。${p.answerPlace}に \`${p.answerPath}\` を書き足してください。質問: ${p.question}`
        : `枠 \`${p.marker}\`（${p.label}）に回答がありません。${p.answersFile} の \`${p.answerPath}\` に書いてください。質問: ${p.question}`,
  }),
  'unknown-slot': rule<{ marker: string; version: string; known: string; suggestion?: string }>({
    severity: 'error',
    title: 'ひな形にない枠',
    message: (p) =>
      `枠 \`${p.marker}\` はひな形 ${p.version} にありません（使える枠: ${p.known}）。${p.suggestion ? `\`${p.suggestion}\` の書き間違いではありませんか。` : '番号を確かめてください。'}`,
  }),
  'unclosed-slot': rule<{ marker: string; next?: string }>({
    severity: 'error',
    title: '閉じていない枠',
    message: (p) =>
      p.next
        ? `枠 \`${p.marker}\` が閉じないまま \`${p.next}\` が始まっています。\`${p.marker}例示値${p.marker}\` の形で、同じ段落の中で閉じてください。`
        : `枠 \`${p.marker}\` に対になる閉じ記号がありません。\`${p.marker}例示値${p.marker}\` の形で、同じ段落・見出し・表のセルの中で閉じてください。`,
  }),
  'malformed-marker': rule<{ raw: string; reason: string }>({
    severity: 'error',
    title: '壊れた枠記号',
    message: (p) => `\`${p.raw}\` は枠の記号として読めません（${p.reason}）。\`#番号#例示値#番号#\` の形で、番号は 1〜99 にしてください。`,
  }),
  'nonstandard-marker': rule<{ raw: string; canonical: string }>({
    severity: 'warning',
    title: '表記ゆれのある枠記号',
    message: (p) => `枠記号 \`${p.raw}\` は \`${p.canonical}\` として読みました。\`${p.canonical}\` と書くと確実です。`,
  }),
  'unused-answer': rule<{ answerPath: string; marker: string }>({
    severity: 'warning',
    title: '使われていない回答',
    message: (p) => `\`${p.answerPath}\` に回答がありますが、枠 \`${p.marker}\` は本文のどこにも出てきません。不要なら消してください。`,
  }),
  'marker-in-output': rule<{ raw: string; page?: string; attribute?: string }>({
    severity: 'error',
    title: '出力に残った枠記号',
    message: (p) =>
      `生成した HTML${p.page ? `（${p.page}）` : ''}${p.attribute ? ` の ${p.attribute} 属性` : ''}に枠記号 \`${p.raw}\` が残っています。本文の枠が解決されていないか、ページのテンプレートが枠記号を出力しています。意図して見せる場合は <code> か data-slot 属性を持つ要素の中に置いてください。`,
  }),

  'content-syntax': rule<{ detail: string }>({
    severity: 'error',
    title: '本文の書き方の誤り',
    // issue 21: a Japanese first line; the parser's own (English) text follows on the next line.
    message: (p) =>
      `本文を MDX として読めません。文字として書いた「{」「<」は \\{ や &lt; のようにエスケープし、タグが閉じているか確かめてください。\nMDX の解析器の説明: ${p.detail}`,
  }),

  // --- plan sections (src/site/plan-sections.ts): other pages link to steps by number ---
  'plan-heading-duplicate': rule<{ id: string }>({
    severity: 'error',
    title: '見出しの id の重複',
    message: (p) => `計画本文で見出しの id「${p.id}」が2つの章で重なり、リンク先が決まりません。どちらかの見出しの文言を変えてください。`,
  }),
  'plan-section-unknown': rule<{ usedBy: string; number: string; known: string }>({
    severity: 'error',
    title: '計画本文にない節番号',
    message: (p) =>
      `${p.usedBy} が計画本文の「${p.number}」を参照していますが、その番号の節はありません（ある節: ${p.known}）。番号を直すか、計画本文に節を足してください。`,
  }),
  // --- slots: complete guard and messages (issues 9, 10, 16) --------------------
  'half-marker': rule<{ raw: string; marker: string }>({
    severity: 'warning',
    title: '壊れた枠記号かもしれない',
    message: (p) =>
      `\`${p.raw}\` は、同じ段落にある枠 \`${p.marker}\` の記号の書きかけに見えます。枠なら \`${p.marker}例示値${p.marker}\` の形にし、ただの文字なら \`\\#\` のように「#」の前に「\\」を付けてください。`,
  }),
  'slot-in-attribute': rule<{ raw: string; where: string }>({
    severity: 'error',
    title: '属性の中の枠記号',
    message: (p) =>
      `${p.where}に枠記号 \`${p.raw}\` があります。枠が回答に置き換わるのは本文の文字の中だけで、ここではそのまま出力されます。枠を本文の文字に移すか、記号を消してください（記号として見せるなら \`\\#\` と書きます）。`,
  }),
  'check-path-not-found': rule<{ path: string }>({
    severity: 'error',
    title: '確かめる対象がない',
    message: (p) => `確かめる対象 ${p.path} が見つかりません。ファイルかフォルダのパスを確かめてください（省略すると content/ をすべて確かめます）。`,
  }),

  // --- glossary (content/glossary.yaml) ------------------------------------------
  'glossary-invalid': rule<{ path: string; detail: string }>({
    severity: 'error',
    title: '用語集の誤り',
    message: (p) => `用語集の \`${p.path}\`: ${p.detail}`,
  }),

  // --- content (issue 14, issue 11 item 5): checklists in content/checklists/*.yaml ---
  'checklist-invalid': rule<{ path: string; detail: string }>({
    severity: 'error',
    title: 'チェックリストの誤り',
    message: (p) => `チェックリストの \`${p.path}\`: ${p.detail}`,
  }),

  // --- answers file ------------------------------------------------------------
  'answers-not-found': rule<{ file: string; unexpanded?: string }>({
    severity: 'error',
    title: '回答ファイルがない',
    message: (p) =>
      p.unexpanded
        ? `回答ファイル ${p.file} が見つかりません。「${p.unexpanded}」はシェルが展開しないまま届きました（引用符の中に書いたときなど）。~ や $HOME、%USERPROFILE% を使わずにフルパスで書くか、引用符の外に書いてください。`
        : `回答ファイル ${p.file} が見つかりません。パスを確かめるか、answers/answers.yaml を写して作ってください。`,
  }),
  'answers-empty': rule<Record<string, never>>({
    severity: 'error',
    title: '回答ファイルが空',
    message: () => '回答ファイルが空です。answers/answers.yaml を写して、自社の回答を書いてください。',
  }),
  'answers-yaml-syntax': rule<{ path: string; detail: string }>({
    severity: 'error',
    title: 'YAML の書き方の誤り',
    message: (p) => `\`${p.path}\` のあたりが YAML として読めません。${p.detail}`,
  }),
  'answers-invalid': rule<{ path: string; detail: string }>({
    severity: 'error',
    title: '回答の値の誤り',
    message: (p) => `\`${p.path}\`: ${p.detail}`,
  }),
  'template-version-unknown': rule<{ version: string; known: string }>({
    severity: 'error',
    title: '知らないひな形の版',
    message: (p) => `templateVersion「${p.version}」のひな形は知りません。対応している版: ${p.known}。`,
  }),
  'template-version-mismatch': rule<{ answers: string; content: string; added: string; removed: string; changed?: string }>({
    severity: 'error',
    title: 'ひな形の版が違う',
    message: (p) =>
      `回答はひな形 ${p.answers} 向けですが、本文はひな形 ${p.content} です。${p.added ? `${p.content} で増えた枠: ${p.added}。` : ''}${p.removed ? `${p.content} でなくなった枠: ${p.removed}。` : ''}${p.changed ? `${p.content} で意味が変わった枠: ${p.changed}。` : ''}\`bcp migrate --to ${p.content}\` で回答ファイルを書き換え、空になった欄を埋めてください。`,
  }),
  'answers-too-large': rule<{ size: string; limit: string }>({
    severity: 'error',
    title: '回答ファイルが大きすぎる',
    message: (p) => `回答ファイルが大きすぎます（${p.size}、上限 ${p.limit}）。別のファイルを指定していないか確かめ、回答だけを書いてください。`,
  }),
  'answers-encoding': rule<{ detail: string }>({
    severity: 'error',
    title: '回答ファイルの文字コードの誤り',
    message: (p) =>
      `回答ファイルを UTF-8 として読めません（${p.detail}）。メモ帳などで「UTF-8」を選んで保存し直してください（Shift_JIS や UTF-16 は使えません）。`,
  }),

  // --- answers: consistency rules (src/answers/rules/) -------------------------
  'route-unknown-role': rule<{ path: string; role: string; known: string }>({
    severity: 'error',
    title: '連絡先のないルートの役割',
    message: (p) =>
      `\`${p.path}\`: エスカレーションルートの「${p.role}」は連絡先（contacts）のどの役割にもありません。contacts の role と同じ名前で書くか、この役割の連絡先を contacts に足してください（いまある役割: ${p.known}）。`,
  }),
  'route-start': rule<{ path: string; first: string; receiver: string }>({
    severity: 'error',
    title: 'ルートの始まりが報告の受け手でない',
    message: (p) =>
      `\`${p.path}\`: エスカレーションルートが「${p.first}」から始まっていますが、異常の報告を最初に受けるのは #1# の「${p.receiver}」です。ルートの先頭を「${p.receiver}」にしてください。`,
  }),
  'route-missing-head': rule<{ path: string; head: string }>({
    severity: 'error',
    title: '対策本部の責任者がルートにいない',
    message: (p) =>
      `\`${p.path}\`: 対策本部の責任者（#10# の「${p.head}」）がエスカレーションルートにいません。責任者まで報告が届くよう、ルートに「${p.head}」を入れてください。`,
  }),
  'route-duplicate-role': rule<{ path: string; role: string; first: number; second: number }>({
    severity: 'warning',
    title: 'ルートに同じ役割が2回',
    message: (p) => `\`${p.path}\`: 「${p.role}」がエスカレーションルートの ${p.first} 番目と ${p.second} 番目の両方にあります。どちらか1つにしてください。`,
  }),
  'report-slower-than-grasp': rule<{ path: string; grasp: string; report: string }>({
    severity: 'error',
    title: '報告が状況把握より遅い',
    message: (p) =>
      `\`${p.path}\`: ルートの最後の相手への報告期限（${p.report}）が、概況把握の目標（#7# の ${p.grasp}）より遅くなっています。報告期限を ${p.grasp}（概況把握の目標）と同じかそれより短くするか、遅くてよい理由を waivers の report-slower-than-grasp に書いてください。`,
  }),
  'role-without-contact': rule<{ path: string; role: string }>({
    severity: 'error',
    title: '連絡先のない役割',
    message: (p) =>
      `\`${p.path}\`: 役割「${p.role}」の連絡先が contacts にありません。この役割の連絡先を contacts に足すか、contacts にある役割の名前で書いてください。`,
  }),
  'key-contact-without-mobile': rule<{ path: string; role: string; id: string; outside: boolean }>({
    severity: 'error',
    title: 'ネットワークなしで届かない連絡先',
    message: (p) =>
      p.outside
        ? `\`${p.path}\`: 「${p.role}」（${p.id}）は計画で報告する相手ですが、電話番号がありません。メールが使えなくてもつながるよう phone か mobile を書いてください。`
        : `\`${p.path}\`: 「${p.role}」（${p.id}）は計画で報告を受ける・動く役割ですが、携帯電話がありません。社内ネットワークやメールが止まってもつながるよう mobile を書いてください。`,
  }),
  'responder-without-phone': rule<{ path: string }>({
    severity: 'error',
    title: '外部専門家の電話番号がない',
    message: (p) =>
      `\`${p.path}\`: 外部専門家（outside-responder）に電話番号がありません。緊急時にすぐかけられるよう phone（または mobile）を書いてください。計画の #12# にもこの番号が入ります。`,
  }),
  'frequency-too-rare': rule<{ path: string; label: string; value: string }>({
    severity: 'error',
    title: '年1回に満たない頻度',
    message: (p) => `\`${p.path}\`: ${p.label}の頻度「${p.value}」は少なすぎます。少なくとも年1回は行うよう「年1回」かそれより多い頻度にしてください。`,
  }),
  'threat-unassessed': rule<{ path: string; numbers: string }>({
    severity: 'error',
    title: '評価していない脅威の入口',
    message: (p) =>
      `\`${p.path}\`: 脅威の入口 ${p.numbers} のアセスメント結果がありません。入口ごとに result（残るリスク 1〜4、実態が分からなければ BAD）を書いてください。`,
  }),
  'threat-issue-missing': rule<{ path: string; number: number; result: string }>({
    severity: 'error',
    title: '課題の書かれていない要対応の入口',
    message: (p) =>
      `\`${p.path}\`: 脅威の入口 ${p.number} は result が「${p.result}」で対応が要りますが、issue（課題）がありません。何を調べる・直すのかを issue に書いてください。`,
  }),
  'role-is-personal-name': rule<{ path: string; value: string; name?: string }>({
    severity: 'error',
    title: '役割の欄に個人名',
    message: (p) =>
      `\`${p.path}\`: 役割の欄「${p.value}」に個人名${p.name ? `（${p.name}）` : ''}が入っています。担当が替わっても使えるよう役職名か部署名で書き、氏名は contacts の person にだけ書いてください。`,
  }),
  'personal-data-in-text': rule<{ path: string; kind: string }>({
    severity: 'error',
    title: '連絡先の欄の外にある個人情報',
    message: (p) =>
      `\`${p.path}\`: ${p.kind}が書かれています。公開版で「非公開」に伏せられるよう、氏名・電話番号・メールアドレスは contacts の person・phone・mobile・email にだけ書いてください（会社の代表番号なら、その連絡先に public: true を付けます）。`,
  }),
  'answer-markup': rule<{ path: string; sample: string }>({
    severity: 'warning',
    title: '書式のように見える回答',
    message: (p) =>
      `\`${p.path}\`: 回答に「${p.sample}」という HTML・MDX・Markdown・枠の書き方があります。サイトと PDF では書式にも枠にもならず、書いたとおりの文字で出ます。そのつもりでなければ消してください。`,
  }),
  'revision-order': rule<{ path: string; what: string }>({
    severity: 'error',
    title: '改訂履歴の順番の誤り',
    message: (p) => `\`${p.path}\`: ${p.what}。改訂履歴は古い版から順に、新しい版を最後に足してください。`,
  }),
  'date-in-future': rule<{ path: string; date: string; today: string }>({
    severity: 'error',
    title: '未来の日付',
    message: (p) => `\`${p.path}\`: ${p.date} は今日（${p.today}）より後の日付です。実際に行った・承認した日を書いてください。`,
  }),

  // --- making the plan one's own: bcp init, 見本のまま, template versions (issue 10) ---
  // issue 21: a slot's sample can be confirmed on purpose (`confirmed: [15]`), which clears the warning.
  'answer-unchanged-sample': rule<{ path: string; value: string; source: 'template' | 'example'; example?: string; slot?: number }>({
    severity: 'warning',
    title: '見本のままの回答',
    message: (p) => {
      const confirm =
        p.slot === undefined
          ? ''
          : `見本どおりが自社で選んだ値なら、回答ファイルの confirmed に ${p.slot} を足すとこの警告は消えます（例: \`confirmed: [${p.slot}]\`）。`;
      return p.source === 'template'
        ? `\`${p.path}\`: 「${p.value}」はひな形の見本のままです。自社で決めた値に書き換えてください。${confirm}`
        : `\`${p.path}\`: 「${p.value}」は見本の会社（${p.example ?? '例の会社'}）の値のままです。自社の値に書き換えてください。${confirm}`;
    },
  }),
  'threat-not-assessed': rule<{ path: string; numbers: string }>({
    severity: 'warning',
    title: 'まだ評価していない脅威の入口',
    message: (p) =>
      `\`${p.path}\`: 脅威の入口 ${p.numbers} は「未評価」です。アセスメントをして、入口ごとに result（残るリスク 1〜4、実態が分からなければ BAD）を書いてください。`,
  }),
  'init-file-exists': rule<{ file: string }>({
    severity: 'error',
    title: '回答ファイルがすでにある',
    message: (p) =>
      `${p.file} はすでにあるので、上書きしませんでした。別の名前で作るなら --answers で指定し、いまの回答を捨てて作り直すなら --force を付けてください。`,
  }),
  'migrate-same-version': rule<{ version: string }>({
    severity: 'warning',
    title: '移る必要のない版',
    message: (p) => `回答はすでにひな形 ${p.version} 向けです。書き換えるものはありません。`,
  }),

  // --- bia (issue 12): business impact and backups (src/answers/rules/bia.ts) -------
  'bia-system-unknown': rule<{ path: string; system: string; known: string }>({
    severity: 'error',
    title: 'システム一覧にないシステム',
    message: (p) =>
      `\`${p.path}\`: 業務が使うシステム「${p.system}」が bia.systems にありません。bia.systems の name と同じ名前で書くか、このシステムを bia.systems に足してください（いまあるシステム: ${p.known}）。`,
  }),
  'bia-system-unused': rule<{ path: string; system: string }>({
    severity: 'warning',
    title: 'どの業務も使わないシステム',
    message: (p) =>
      `\`${p.path}\`: システム「${p.system}」はどの業務（bia.processes の systems）にも出てこないので、優先度が決まりません。使う業務の systems に足すか、要らなければ消してください。`,
  }),
  'bia-rto-missing': rule<{ path: string; system: string; priority: string }>({
    severity: 'error',
    title: 'RTO のない優先度 S・A のシステム',
    message: (p) =>
      `\`${p.path}\`: システム「${p.system}」は優先度 ${p.priority} ですが、目標復旧時間（rto）がありません。いつまでに戻すかを「1日以内」「4時間以内」のように rto に書いてください。`,
  }),
  'bia-backup-not-ready': rule<{ path: string; system: string; priority: string; what: string }>({
    severity: 'warning',
    title: '備えの足りない優先度 S・A のバックアップ',
    message: (p) =>
      `\`${p.path}\`: 優先度 ${p.priority} のシステム「${p.system}」は、${p.what}。ランサムウェアはつながっているバックアップも暗号化するので、ネットワークから外したコピーを持ち、年1回は実際に戻してみて、その日を backup.lastRestoreTest に書いてください。`,
  }),
  'bia-backup-321': rule<{ path: string; system: string; gaps: string }>({
    severity: 'warning',
    title: '3-2-1 を満たさないバックアップ',
    message: (p) =>
      `\`${p.path}\`: システム「${p.system}」のバックアップは 3-2-1（本番を含めて3つ、2種類の媒体、1つはオフライン、1つは場所を書いて別の場所）を満たしていません（${p.gaps}）。足りないコピーを用意し、backup.copies にコピーごとの媒体・offline・offsite・place を書いてください。`,
  }),
  'bia-rto-before-grasp': rule<{ path: string; system: string; rto: string; grasp: string }>({
    severity: 'warning',
    title: '概況把握より短い RTO',
    message: (p) =>
      `\`${p.path}\`: システム「${p.system}」の目標復旧時間（${p.rto}）が、概況把握の目標（#7# の ${p.grasp}）より短くなっています。被害の範囲が分かる前に戻すことになるので、RTO を ${p.grasp.replace(/以内$/, '')}以上にするか、概況把握の目標を短くしてください。`,
  }),

  // <issue 20>: contradictions between times, containment order, backups, roles and deputies
  'restart-target-missing': rule<{ path: string }>({
    severity: 'warning',
    title: '操業再開の目標がない',
    message: (p) =>
      `\`${p.path}\`: 工場の操業（生産と出荷）を再開する目標（bia.restartTarget）が書かれていないので、システムの RTO が間に合うか確かめられません。経営層が決めた目標を「2日以内」のように bia.restartTarget に書いてください。`,
  }),
  'rto-beyond-restart': rule<{ path: string; system: string; priority: string; rto: string; target: string }>({
    severity: 'error',
    title: '操業再開の目標より長い RTO',
    message: (p) =>
      `\`${p.path}\`: 優先度 ${p.priority} のシステム「${p.system}」の目標復旧時間（${p.rto}）が、工場の操業再開の目標（bia.restartTarget の ${p.target}）より長くなっています。このシステムなしでは操業を再開できないので、RTO を ${p.target.replace(/以内$/, '')}以内に収めるか、再開の目標を見直してください。`,
  }),
  'rto-priority-order': rule<{
    path: string;
    system: string;
    priority: string;
    rto: string;
    other: string;
    otherPriority: string;
    otherRto: string;
    otherPath: string;
  }>({
    severity: 'warning',
    title: '優先度の順にならない RTO',
    message: (p) =>
      `\`${p.path}\`: 優先度 ${p.priority} のシステム「${p.system}」の目標復旧時間（${p.rto}）が、優先度 ${p.otherPriority} の「${p.other}」（\`${p.otherPath}\` の ${p.otherRto}）より短くなっていません。優先度の高いシステムほど早く戻す計画なので、RTO を短くするか、業務の影響と依存度を見直してください。`,
  }),
  'exercise-after-deadline': rule<{ path: string; scenario: string; time: string; target: string; value: string }>({
    severity: 'warning',
    title: '訓練の時間の流れに合わない目標',
    message: (p) =>
      `\`${p.path}\`: 訓練「${p.scenario}」の「${p.time}」の場面は、${p.target}（${p.value}）を期限として引いていますが、その時刻には期限を過ぎています。訓練では遅れとして扱われます。目標が実際の手順の時間に合っているか見直してください。`,
  }),
  'containment-missing-entry': rule<{ path: string; entry: number; level: string }>({
    severity: 'error',
    title: '先に止める入口から抜けた入口',
    message: (p) =>
      `\`${p.path}\`: 入口 No.${p.entry}（評価 ${p.level}）が、先に止める入口（containment）にありません。評価 3・4・BAD の入口は計画 3.1 ④ で先に止めると決めているので、containment に ${p.entry} を足してください。`,
  }),
  'containment-missing-exit': rule<{ path: string }>({
    severity: 'warning',
    title: '先に止める入口にないインターネットの出入口',
    message: (p) =>
      `\`${p.path}\`: インターネットの出入口（No.8）が、先に止める入口（containment）にありません。攻撃者の遠隔操作と情報の持ち出しを断つため、訓練でも最初に止める入口です。containment の先頭に 8 を足してください。`,
  }),
  'containment-order': rule<{ path: string; entry: number; level: string; before: number; beforeLevel: string }>({
    severity: 'warning',
    title: '評価の低い入口より後に止める入口',
    message: (p) =>
      `\`${p.path}\`: 入口 No.${p.entry}（評価 ${p.level}）が、評価の低い入口 No.${p.before}（評価 ${p.beforeLevel}）より後に並んでいます。評価 3・4 と、分かるまで大きいものとして扱う BAD の入口は、評価 1・2 の入口より前に置いてください（インターネットの出入口 No.8 は先頭でよい）。`,
  }),
  'backup-provider-copy': rule<{ path: string; system: string; kind: string }>({
    severity: 'warning',
    title: 'コピーに数えたサービス事業者の保管',
    message: (p) =>
      `\`${p.path}\`: システム「${p.system}」のコピー「${p.kind}」は、サービスの事業者が持つ本番のデータそのものと読めます。事業者の障害や乗っ取られたアカウントからの削除には本番と一緒に巻き込まれるので、コピーに数えません。別の媒体に書き出したコピーに書き換えるか、本当に別のバックアップなら「バックアップサービス」などと分かる名前にしてください。`,
  }),
  'role-alias-missing': rule<{ path: string; role: string; contactRole: string; contactPath: string }>({
    severity: 'warning',
    title: '連絡先の役割と名前が一致しない役割',
    message: (p) =>
      `\`${p.path}\`: 「${p.role}」は連絡先の役割「${p.contactRole}」（\`${p.contactPath}\`）と名前が一致しません。同じ人なら \`${p.contactPath}\` に aliases: [${p.role}] と書くか、ここを「${p.contactRole}」にそろえてください。`,
  }),
  'role-alias-duplicate': rule<{ path: string; alias: string; other: string }>({
    severity: 'error',
    title: '2つの連絡先にある別名',
    message: (p) =>
      `\`${p.path}\`: 別名「${p.alias}」は \`${p.other}\` にもあります。同じ名前で2人を指すと、報告がどちらに届くか決まりません。1つの名前は1つの連絡先にだけ書いてください。`,
  }),
  'channel-without-number': rule<{ path: string; role: string; contactPath: string }>({
    severity: 'error',
    title: '電話番号のない報告の窓口',
    message: (p) =>
      `\`${p.path}\`: 異常を知らせる窓口「${p.role}」の連絡先（\`${p.contactPath}\`）に電話番号がありません。社内のネットワークやメールが止まっても知らせられるよう、phone（窓口なら固定電話でよい）か mobile を書いてください。`,
  }),
  'deputy-missing': rule<{ path: string; role: string; tasks: string }>({
    severity: 'warning',
    title: '代わりの人が決まっていない初動の担当',
    message: (p) =>
      `\`${p.path}\`: 「${p.role}」は初動の役割（${p.tasks}）を持っていますが、代わりの人が決まっていません。不在や連絡がつかないときに代わる連絡先の id を deputy に書いてください（計画 4章）。`,
  }),
  'deputy-unknown': rule<{ path: string; deputy: string; known: string; self: boolean }>({
    severity: 'error',
    title: '代わりの人が連絡先にない',
    message: (p) =>
      p.self
        ? `\`${p.path}\`: 代わりの人（deputy）に自分自身の id「${p.deputy}」が書かれています。別の連絡先の id を書いてください。`
        : `\`${p.path}\`: 代わりの人（deputy）の「${p.deputy}」は contacts の id にありません（ある id: ${p.known}）。連絡先の id を書いてください。`,
  }),
  'external-decider-missing': rule<{ path: string }>({
    severity: 'warning',
    title: '社外への連絡を決める人がいない',
    message: (p) =>
      `\`${p.path}\`: 社外（取引先・報道・公的機関）に何を伝えるかを決める役割（externalCommunication.decidedBy）が書かれていません。計画では経営層が決めます（4章・3.2 ③・5.2）。その役割を1つ、contacts の役割の名前で書いてください。`,
  }),
  'external-decider-unknown': rule<{ path: string; role: string; known: string }>({
    severity: 'error',
    title: '社外への連絡を決める人が連絡先にない',
    message: (p) =>
      `\`${p.path}\`: 社外への連絡を決める「${p.role}」は、連絡先（contacts）の役割にも別名（aliases）にもありません（いまある役割: ${p.known}）。contacts の役割の名前で書いてください。`,
  }),
  'external-decider-not-on-route': rule<{ path: string; role: string }>({
    severity: 'warning',
    title: '社外への連絡を決める人に報告が届かない',
    message: (p) =>
      `\`${p.path}\`: 社外への連絡を決める「${p.role}」が、エスカレーションルート（#8#）にいません。決める人に第一報が届くよう、ルートに入れてください。`,
  }),

  // --- answers: upkeep due dates (src/answers/due.ts) ----------------------------
  // A warning, never an error: an overdue drill must not block a pull request that fixes a phone number.
  // `bcp upkeep` (run weekly) is the check that fails on it.
  'upkeep-overdue': rule<{ path: string; label: string; next: string; days: number; frequency: string; last?: string }>({
    severity: 'warning',
    title: '期限を過ぎた見直し・教育・訓練・監査',
    message: (p) =>
      `\`${p.path}\`: ${p.label}の期限 ${p.next} を ${p.days} 日過ぎています（頻度 ${p.frequency}、前回 ${p.last ?? 'なし（初版の日付から数えました）'}）。${p.label}を行い、行った日を ${p.path} に書いてください。`,
  }),
  'upkeep-due-soon': rule<{ path: string; label: string; next: string; days: number; frequency: string; last?: string }>({
    severity: 'warning',
    title: '期限の近い見直し・教育・訓練・監査',
    message: (p) =>
      `\`${p.path}\`: ${p.label}の期限 ${p.next} まであと ${p.days} 日です（頻度 ${p.frequency}、前回 ${p.last ?? 'なし（初版の日付から数えました）'}）。日程を決め、行ったら ${p.path} にその日を書いてください。`,
  }),
  'upkeep-as-of-stale': rule<{ asOf: string; later: string; where: string }>({
    severity: 'error',
    title: '古い基準日',
    message: (p) =>
      `\`upkeep.asOf\`: 基準日 ${p.asOf} より後の日付 ${p.later}（${p.where}）があります。asOf は見本の会社が期限を固定するための設定なので、自社の回答ではこの行を消してください。消すと期限は今日の日付から数えます。`,
  }),

  // --- incident log: exercise review (bcp review, issue 12) -----------------------
  'review-file-unreadable': rule<{ file: string }>({
    severity: 'error',
    title: '読めない訓練の記録',
    message: (p) =>
      `訓練の記録 ${p.file} を開けません。ファイルの場所と名前を確かめてください。対応チェックリストの訓練モード（checklists/incident.html?mode=exercise）で「記録を JSON で保存」したファイルを渡します。`,
  }),
  'review-not-json': rule<{ file: string; detail: string }>({
    severity: 'error',
    title: 'JSON でない訓練の記録',
    message: (p) => `${p.file} は JSON として読めません（${p.detail}）。「記録を JSON で保存」で書き出したファイルを、手を加えずに渡してください。`,
  }),
  'review-invalid': rule<{ path: string; detail: string }>({
    severity: 'error',
    title: '形の正しくない訓練の記録',
    message: (p) => `訓練の記録の \`${p.path}\`: ${p.detail}対応チェックリストの訓練モードで「記録を JSON で保存」し直してください。`,
  }),
  'review-not-exercise': rule<Record<string, never>>({
    severity: 'error',
    title: '訓練でない記録',
    message: () =>
      'この記録は実際のインシデントの記録で、訓練の記録ではありません。bcp review は訓練モード（checklists/incident.html?mode=exercise）で保存した記録だけを読みます。',
  }),
  'review-empty': rule<Record<string, never>>({
    severity: 'warning',
    title: '空の振り返りシート',
    message: () => '振り返りシートに何も書かれていません。訓練の最後に、うまくいったこと・課題・計画の変更・担当・期限を書いてから保存し直してください。',
  }),
  'review-finding-incomplete': rule<{ path: string; missing: string }>({
    severity: 'warning',
    title: '担当か期限のない課題',
    message: (p) =>
      `振り返りシートの \`${p.path}\` に${p.missing}がありません。下の YAML の空欄を埋めてから回答ファイルに貼ってください（空のままだと bcp check がエラーにします）。`,
  }),
  'review-other-company': rule<{ record: string; answers: string; file: string }>({
    severity: 'warning',
    title: '別の会社の訓練の記録',
    message: (p) => `訓練の記録は「${p.record}」のものですが、${p.file} は「${p.answers}」の回答です。渡すファイルを確かめてください。`,
  }),

  // --- revision discipline (bcp revisions) ---------------------------------------
  'revision-missing': rule<{ changed: string; version: string; file: string }>({
    severity: 'error',
    title: '改訂履歴に新しい版がない',
    message: (p) =>
      `計画の中身が変わりましたが、改訂履歴（revisions）に新しい版がありません（変わったもの: ${p.changed}）。${p.file} の revisions の最後に、version: "${p.version}"、date（承認した日）、summary（何を変えたか）、approvedBy（承認した役職）の1件を足してください。`,
  }),
  'revision-base-unknown': rule<{ base: string; detail: string }>({
    severity: 'error',
    title: '比べる元のコミットがない',
    message: (p) =>
      `比べる元「${p.base}」が git で見つかりません（${p.detail}）。ブランチ名を確かめ、CI では履歴をすべて取得（actions/checkout の fetch-depth: 0）してください。`,
  }),

  // --- the build and its output folder (issue 9, 11) --------------------------------
  'output-refused': rule<{ out: string; reason: string }>({
    severity: 'error',
    title: '使えない出力先',
    message: (p) =>
      `出力先「${p.out}」には書きません（${p.reason}）。何も変えていません。--out に、空のフォルダか、前に bcp build が作ったフォルダを指定してください。`,
  }),
  'output-locked': rule<{ out: string; pid: number }>({
    severity: 'error',
    title: '同じ出力先で別の build が実行中',
    message: (p) => `出力先「${p.out}」には、別の bcp build（プロセス ${p.pid}）が書いている途中です。終わるのを待ってから、もう一度実行してください。`,
  }),
  'site-build-failed': rule<{ detail: string }>({
    severity: 'error',
    title: 'サイトを組み立てられない',
    message: (p) => `サイトを組み立てられませんでした: ${p.detail}。前回のサイトはそのまま残っています。`,
  }),
  'build-interrupted': rule<{ signal: string }>({
    severity: 'error',
    title: 'build の中断',
    message: (p) => `build を中断しました（${p.signal}）。作りかけのフォルダは消し、前回のサイトはそのまま残しています。`,
  }),

  // <issue 21>: the output folder by record, unexpanded paths, personal data in the public output, messages
  'answers-is-folder': rule<{ file: string; suggestion?: string }>({
    severity: 'error',
    title: '回答ファイルの代わりにフォルダ',
    message: (p) =>
      `回答ファイルとして渡された ${p.file} はフォルダです。--answers にはフォルダの中の YAML ファイルを指定してください${p.suggestion ? `（例: --answers ${p.suggestion}）` : '（例: --answers answers/answers.yaml）'}。`,
  }),
  'migrate-no-version': rule<{ known: string }>({
    severity: 'error',
    title: '回答ファイルにひな形の版がない',
    message: (p) =>
      `回答ファイルに templateVersion（どの版のひな形に答えたか）がないので、書き換える元の版がわかりません。先頭に templateVersion: "1.0" のように、答えたときの版（${p.known} のどれか）を書いてから、もう一度 migrate してください。`,
  }),
  'node-version-too-old': rule<{ version: string }>({
    severity: 'error',
    title: 'Node.js が古い',
    message: (p) =>
      `この Node.js（${p.version}）では bcp を動かせません（22.12.0 以上が必要です）。\`node scripts/bcp.mjs …\` ではなく \`npm run bcp -- build\` のように npm run から実行してください。npm run はプロジェクトに入っている Node.js 24 を使います（先に npm install が必要です）。`,
  }),
  'personal-data-in-output': rule<{ file: string; hits: string }>({
    severity: 'error',
    title: '公開版に個人情報',
    message: (p) =>
      `公開版の ${p.file} に ${p.hits} が出ています。公開版はできあがったものを差し替えずに止めました。本文（content/ の .mdx）や公開される回答の欄（slots、company、contacts の role など）から、この氏名・番号・アドレスを消してください。会社の代表番号や窓口なら、その連絡先に public: true を付けます。`,
  }),
  'personal-data-in-content': rule<{ hits: string }>({
    severity: 'error',
    title: '本文に個人情報',
    message: (p) =>
      `本文に ${p.hits} が書かれています。本文はそのまま公開版にも載るので、公開版の build はここで止まります。本文には役職や部署の名前（または枠）を書き、氏名・電話番号・メールアドレスは contacts の person・phone・mobile・email にだけ書いてください。`,
  }),
  'output-not-ours': rule<{ out: string; reason: string }>({
    severity: 'error',
    title: 'bcp build が作った記録のない出力先',
    message: (p) =>
      `出力先「${p.out}」は空でなく、bcp build が作った記録もないので、置き換えません（${p.reason}）。何も変えていません。中身が要らないものか確かめて、フォルダごと消すか別の場所へ移してから build するか、--out に空のフォルダか新しいフォルダの名前を指定してください。`,
  }),
  'output-foreign-file': rule<{ out: string; files: string; more: number }>({
    severity: 'error',
    title: '出力先に bcp build が作っていないファイル',
    message: (p) =>
      `出力先「${p.out}」に、bcp build が作っていないもの ${p.files}${p.more > 0 ? ` ほか ${p.more} 件` : ''}があります。置き換えると消えてしまうので、何も変えずに断りました。要るものなら出力先の外へ移し、要らないものなら消してから、もう一度 build してください。または --out に別のフォルダを指定してください。`,
  }),
  'output-path-unexpanded': rule<{ out: string; word: string }>({
    severity: 'error',
    title: 'シェルが展開しなかったパス',
    message: (p) =>
      `出力先「${p.out}」の「${p.word}」は、シェルが展開しないまま届きました（引用符の中に書いたときなど）。このままではプロジェクトの中に「${p.word}」という名前のフォルダを作ってしまうので、何も変えずに断りました。ホームフォルダなどは、~ や $HOME、%USERPROFILE% を使わずにフルパス（例: /home/あなた/bcp-site）で書くか、引用符の外に書いてください。`,
  }),

  // --- guideline tables (issue 13) -------------------------------------------------
  'guideline-invalid': rule<{ path: string; detail: string }>({
    severity: 'error',
    title: 'ガイドライン対応表の誤り',
    message: (p) => `ガイドライン対応表の \`${p.path}\`: ${p.detail}`,
  }),
  'evidence-missing': rule<{ target: string; item: string }>({
    severity: 'error',
    title: '根拠の行き先がない',
    message: (p) =>
      `項目「${p.item}」の根拠 \`${p.target}\` が、作ったサイトにありません。見出しの名前が変わったなら、対応表の page と anchor を今の見出しに合わせてください。`,
  }),

  // <issue 20>: reporting duties table
  'reporting-duties-invalid': rule<{ path: string; detail: string }>({
    severity: 'error',
    title: '報告の期限と義務の表の誤り',
    message: (p) => `報告の期限と義務の表（いつ・どこへ・何を）の \`${p.path}\`: ${p.detail}`,
  }),

  // --- site search ---------------------------------------------------------------
  'search-index-failed': rule<{ detail: string }>({
    severity: 'error',
    title: '検索索引を作れない',
    message: (p) => `サイト内検索の索引を作れませんでした（${p.detail}）。出力先のフォルダに書き込めるか、空き容量が足りているかを確かめてください。`,
  }),

  // --- the binder PDF ------------------------------------------------------------
  'browser-not-found': rule<{ tried: string }>({
    severity: 'error',
    title: 'PDF を印刷するブラウザがない',
    message: (p) =>
      `PDF を印刷するブラウザ（Chromium または Google Chrome）が見つかりません（探した場所: ${p.tried}）。Debian・Ubuntu では \`apt-get install chromium\` で入れるか、環境変数 PUPPETEER_EXECUTABLE_PATH にブラウザの実行ファイルのパスを書いてください。`,
  }),
  'browser-env-invalid': rule<{ path: string }>({
    severity: 'error',
    title: 'PUPPETEER_EXECUTABLE_PATH の先にブラウザがない',
    message: (p) =>
      `環境変数 PUPPETEER_EXECUTABLE_PATH が指す \`${p.path}\` に、実行できるブラウザがありません。パスを直すか、変数を消して既定の場所（/usr/bin/chromium など）から探させてください。`,
  }),
  'print-page-missing': rule<{ file: string }>({
    severity: 'error',
    title: '印刷用ページがない',
    message: (p) => `印刷用ページ ${p.file} がありません。\`bcp build\` で作ったサイトのフォルダを --site に指定してください。`,
  }),
  'print-fonts-missing': rule<{ detail: string }>({
    severity: 'error',
    title: 'PDF 用のフォントがない',
    message: (p) => `PDF に埋め込むフォント（@fontsource/noto-sans-jp）が読めません（${p.detail}）。\`npm install\` をやり直してください。`,
  }),
  'print-failed': rule<{ detail: string }>({
    severity: 'error',
    title: 'PDF の印刷に失敗',
    message: (p) => `ブラウザで PDF を印刷できませんでした: ${p.detail}`,
  }),
  'toc-target-missing': rule<{ target: string }>({
    severity: 'error',
    title: '目次の行き先がない',
    message: (p) => `目次の項目 \`#${p.target}\` の見出しが PDF の中に見つかりません。印刷用ページの見出しの id と目次を合わせてください。`,
  }),
  'toc-pages-unstable': rule<{ passes: number }>({
    severity: 'error',
    title: '目次のページ番号が定まらない',
    message: (p) =>
      `${p.passes} 回印刷しても、目次のページ番号と見出しのページが一致しませんでした。目次のページ番号の欄が狭すぎないか、印刷用の CSS を確かめてください。`,
  }),
  // issue 24: many plans from one repository
  'plan-extends-invalid': rule<{ reason: string }>({
    severity: 'error',
    title: '共通の回答ファイル（extends）を読めない',
    message: (p) => `extends で指す共通の回答ファイルを使えません: ${p.reason}。`,
  }),
  'plan-not-found': rule<{ plan: string; file: string; known: string }>({
    severity: 'error',
    title: '指定した計画がない',
    message: (p) => `計画「${p.plan}」の ${p.file} がありません。あるのは ${p.known} です。bcp init --plan ${p.plan} で作れます。`,
  }),

  // <issue 23>: the incident kit (poster, wallet cards, phone-size plan, offline edition)
  'kit-reprint-due': rule<{ printed: string; printedDate: string; current: string; currentDate: string }>({
    severity: 'warning',
    title: '緊急時キットの刷り直し',
    message: (p) =>
      `\`upkeep.lastKitPrint\`: 貼ってあるポスターと配った携帯カードは第${p.printed}版（${p.printedDate} 印刷）ですが、計画は第${p.current}版（${p.currentDate} 改訂）です。poster.pdf と card.pdf を刷り直して貼り替え・配り直し、upkeep.lastKitPrint をその日と版に直してください。`,
  }),
  'kit-content-invalid': rule<{ path: string; detail: string }>({
    severity: 'error',
    title: '緊急時キットの文面の誤り',
    message: (p) => `\`${p.path}\`: ${p.detail}`,
  }),
} as const;

export type RuleId = keyof typeof RULES;

type ParamsOf<R extends RuleId> = Parameters<(typeof RULES)[R]['message']>[0];

export function ruleMessage<R extends RuleId>(ruleId: R, params: ParamsOf<R>): string {
  const entry = RULES[ruleId] as RuleEntry<ParamsOf<R>>;
  return entry.message(params);
}

export function ruleSeverity(ruleId: RuleId): Severity {
  return RULES[ruleId].severity;
}

/** A located problem, the common shape of every report (answers and content alike). */
export interface Problem {
  file: string;
  line: number;
  column: number;
  ruleId: RuleId;
  severity: Severity;
  message: string;
}
