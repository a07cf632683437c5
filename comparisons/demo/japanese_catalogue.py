"""The demo catalogue's words in Japanese: criteria, products' summaries and facts' notes
and short texts, translated the way a translator would, through wagtail-localize (a
translation per object, its strings filled in as a PO file would fill them, then
published). Names of products stay as their vendors write them; numbers, sources and
dates are the English facts' own."""

import polib
from wagtail_localize.models import Translation, TranslationSource

# English → Japanese, for every string the catalogue's translations ask for.
WORDS = {
    # Groups
    "Pricing": "料金",
    "Channels": "チャネル",
    "Security": "セキュリティ",
    "Vendor support": "ベンダーのサポート",
    # Criteria
    "Starting price": "最低料金",
    "List price of the compared plan, billed yearly, before tax.": (
        "比較したプランの定価(年払い、税抜き)。"
    ),
    "USD / agent / month": "米ドル/エージェント/月",
    "Free plan": "無料プラン",
    "A plan that costs nothing, with no time limit.": "期間の制限なく無料で使えるプラン。",
    "Monthly billing": "月払い",
    "Pay month by month without an annual contract.": "年間契約なしで月ごとに支払えること。",
    "Email ticketing": "メールのチケット管理",
    "Customer emails become tickets with owners and statuses.": (
        "顧客からのメールが、担当者とステータスのあるチケットになること。"
    ),
    "Live chat": "ライブチャット",
    "A chat widget for your website, answered by agents.": (
        "自社サイトに置くチャットウィジェットで、エージェントが応答するもの。"
    ),
    "Phone channel": "電話チャネル",
    "Calls are answered and logged inside the product.": (
        "製品の中で電話に応対し、通話を記録できること。"
    ),
    "Knowledge base": "ナレッジベース",
    "Public help articles customers can search.": "顧客が検索できる公開ヘルプ記事。",
    "SAML single sign-on": "SAML シングルサインオン",
    "Agents sign in through your identity provider.": (
        "エージェントが自社の ID プロバイダー経由でサインインできること。"
    ),
    "Audit log retention": "監査ログの保存期間",
    "days": "日",
    "How long admin and agent actions stay in the audit log.": (
        "管理者とエージェントの操作が監査ログに残る期間。"
    ),
    "EU data residency": "EU 内でのデータ保管",
    "Customer data stored only in the European Union.": "顧客データを EU 域内にのみ保管すること。",
    "SOC 2 Type II report": "SOC 2 Type II 報告書",
    "A current audit report from a licensed auditor, shared under NDA.": (
        "認定監査人による最新の監査報告書(秘密保持契約のもとで開示)。"
    ),
    "Vendor support hours": "ベンダーのサポート時間",
    "When the vendor's own support team answers you.": "ベンダー自身のサポートチームが対応する時間帯。",
    "Median first reply": "初回返信までの時間(中央値)",
    "hours": "時間",
    "Median time to the vendor's first reply to our test tickets, over 10 tickets.": (
        "当社が送ったテスト用チケット10件に対し、ベンダーが初めて返信するまでの時間の中央値。"
    ),
    "Setup effort (our test)": "導入のしやすさ(当社テスト)",
    "Our score out of 5 for setting up a trial account, following the steps on the How we "
    "compare page. 5 is easiest.": (
        "「比較の方法」ページの手順に沿って試用アカウントを設定したときの当社の評価(5点満点、"
        "5が最も簡単)。"
    ),
    "Price per seat, billed monthly": "1席あたりの料金(月払い)",
    "USD / seat / month": "米ドル/席/月",
    "List price of one seat on the compared plan, paid month by month, before tax.": (
        "比較したプランの1席あたりの定価(月払い、税抜き)。"
    ),
    "Price per seat, billed yearly": "1席あたりの料金(年払い)",
    "List price of one seat on the compared plan, per month, paid a year ahead, before tax.": (
        "比較したプランの1席あたりの定価を月額に換算したもの(1年分前払い、税抜き)。"
    ),
    "Account fee": "アカウント基本料金",
    "USD / month": "米ドル/月",
    "A fee for the whole account, whatever the number of seats.": (
        "席数にかかわらず、アカウント全体にかかる料金。"
    ),
    "Minimum seats": "最低席数",
    "seats": "席",
    "The fewest seats the compared plan is sold for.": "比較したプランを契約できる最少の席数。",
    # Products
    "Email helpdesk for support teams of 2 to 50 agents.": (
        "エージェント2〜50名のサポートチーム向けのメールヘルプデスク。"
    ),
    "Live chat widget and shared inbox for small teams.": (
        "小規模チーム向けのライブチャットウィジェットと共有受信箱。"
    ),
    "Public help centre and knowledge base.": "公開ヘルプセンターとナレッジベース。",
    "Enterprise helpdesk with phone, chat and email in one queue.": (
        "電話・チャット・メールを一つのキューで扱う大企業向けヘルプデスク。"
    ),
    "All-in-one support suite with ticketing, chat and a community forum.": (
        "チケット管理、チャット、コミュニティフォーラムを備えたオールインワンのサポートスイート。"
    ),
    "Phone-first contact centre with chat added on.": (
        "電話中心のコンタクトセンターに、チャットを追加したもの。"
    ),
    # Facts' notes
    "Up to 2 agents": "エージェント2名まで",
    "Through Fernhill Chat": "Fernhill Chat で対応",
    "Internal articles for agents only": "エージェント向けの社内記事のみ",
    "Business plan": "Business プラン",
    "1 agent, 100 chats a month": "エージェント1名、月100チャットまで",
    "Offline messages arrive as emails, not tickets": (
        "オフライン時のメッセージはチケットではなくメールで届く"
    ),
    "Annual contract only": "年間契約のみ",
    "1 agent": "エージェント1名",
    "Callback requests only": "折り返し依頼のみ",
    "Security add-on, 5 USD / agent": "セキュリティアドオン、エージェントあたり5米ドル",
    "Monthly costs 10% more": "月払いは10%割高",
    "EU hosting for call recordings only": "EU でのホスティングは通話録音のみ",
    "A “from” price: the quote depends on call volume": (
        "「〜から」の価格。見積もりは通話量によって変わる"
    ),
    "Business plan from 5 agents": "Business プランはエージェント5名から",
    "Standard plan from 10 agents": "Standard プランはエージェント10名から",
    # Ranked values of "Vendor support hours", best first
    "24/7": "24時間365日",
    "24/7 by phone": "電話で24時間365日",
    "24 hours, weekdays": "平日24時間",
    "Weekdays 08:00-18:00 CET": "平日 8:00〜18:00(中央ヨーロッパ時間)",
}


def translate_catalogue(records, locale):
    """Translate the demo's products and criteria into ``locale``."""
    for record in records:
        translate_object(record, locale, WORDS)


def translate_object(instance, locale, words):
    """What a translator does in wagtail-localize: start a translation, fill in the
    strings it asks for (left empty: the source's words stay), publish it."""
    source, _ = TranslationSource.get_or_create_from_instance(instance)
    translation, _ = Translation.objects.get_or_create(source=source, target_locale=locale)
    po = translation.export_po()
    for entry in po:
        entry.msgstr = words.get(entry.msgid, "")
    translation.import_po(polib.pofile(str(po)))
    translation.save_target(publish=True)
    return instance.get_translation(locale)
