"""Shape checks for the headline sets tests/data/headlines-blind*.jsonl and headlines-train*.jsonl.

Each set was written by a writer who did not read the headline rules, their docs, their data,
the model or the older sets' rows (see each set's README in tests/data/). The blind sets are
held-out measurement sets, the train sets training material for the clickbait model. These
tests guard their shape only and never run the linter or the model on them; a failure names ids
(of the set under test) only, never a row. Each set keeps the checks its README promises: a
check only some sets have runs for those (see `HeadlineSet` in tests/headline_sets.py).

A new set: one more `HeadlineSet` in SETS.
"""
from fractions import Fraction
from functools import cache

import pytest

from tests.headline_sets import (HeadlineSet, check_counts, check_equal_labels, check_ids_numbered, check_labels,
                                 check_length, check_mirrored_sittings, check_not_banned, check_not_in_other_sets,
                                 check_order_of_writing, check_splits_alternate, check_topics, check_unique,
                                 lines_with_escapes, names, read_rows)

# the topics of blind5-7, and of blind8 on
TOPICS_19 = names("""
    society health food finance tech cars housing education sports entertainment travel local science
    law weather agriculture workplace family consumer
""")
TOPICS_20 = names("""
    local health finance tech sports education traffic food culture weather housing workplace law
    consumer travel family agriculture environment science entertainment
""")
# the topics of train13 (regional, consumer, rural, hobby and service news)
TOPICS_T13 = names("""
    local commerce rural education parenting fitness sports pets auto science military-history celebrity
    travel jobs health food housing money traffic weather
""")
# the topics of train14 (regional life, farming, courts, civic and service news)
TOPICS_T14 = names("""
    regional farming science courts sport consumer health schooling transport culture finance civic
    housing jobs
""")
# the issue's illustrative phrasings (issue 14) are not test cases: none may appear in blind10
ISSUE_PHRASINGS = ("这种做法", "那个细节", "这3件事", "结局谁也没想到", "最后的结果让人意外",
                   "只有业内人才懂", "医生私下才说的", "九成人都不知道", "大多数人一直理解反了",
                   "请一定告诉家人", "看完请分享", "重磅！", "刚刚！")
# the sets of the eighth writer on: as many clickbait as sober lines, headlines of 8-40 characters
LATER = {"equal_labels": True, "length": (8, 40)}

SETS = [
    HeadlineSet(
        "headlines-blind", "hb", per_label=150, per_family=20, numbered=True, sittings=0,
        splits=frozenset({"tune", "holdout"}), escapes=False, others=False,
        families=names("""
            withheld hidden-ending insider everyone-claim share-plea exclaim-prefix seo-repeat shock
            false-urgency moral-coercion
        """)),
    HeadlineSet(
        "headlines-blind2", "hb2", per_label=240, per_family=20, sittings=0,
        splits=frozenset({"tune", "holdout"}), respaced=False, others=False,
        families=names("""
            withheld hidden-ending insider everyone-claim share-plea exclaim-prefix seo-repeat shock
            false-urgency moral-coercion other
        """)),
    HeadlineSet(
        "headlines-blind3", "hb3", per_label=300, per_family=5, subtle=Fraction(1, 3), per_topic=5,
        common_topics=12, respaced=False, bang=False, others=False,
        families=names("""
            withheld hidden-ending insider everyone-claim share-plea exclaim-prefix seo-repeat
            emotion-hype you-address curiosity-question false-urgency hidden-list reversal
            authority-halo fear-bait envy-compare identity-callout regret-bait freebie-bait comment-bait
            watch-to-end ellipsis-cliff moral-coercion relatable-mirror bandwagon benefit-promise
            rumor-bait pronoun-tease slang-hype ultimate-guide
        """),
        topics=names("""
            society health finance tech sport entertainment education local science food-safety traffic
            weather law housing employment consumer travel environment agriculture parenting
            international
        """),
        sober_cues=names("""
            plain number trigger-lexeme question-mark demonstrative you-service quotation colon
            exclamation affects-everyone explainer-word hashtag column-tag number-list bracket-tag
            countdown everyone-stat site-suffix reversal-quote insider-sourcing
        """)),
    HeadlineSet(
        "headlines-blind4", "hb4", per_label=300, per_family=7, subtle=Fraction(4, 10), per_topic=7,
        common_topics=18, others=False,
        families=names("""
            withheld hidden-ending seo-repeat insider listicle everyone-claim you-warning curiosity-gap
            exclaim-prefix rumour share-plea emotion-bait comment-bait comparison false-urgency
            crowd-reaction fear-scare reversal benefit-promise freebie identity-callout number-tease
            pronoun-tease watch-to-end authority-borrow ellipsis-cliff hype-slang moral-coercion
            nostalgia quote-hook ultimate-guide unbelievable
        """),
        topics=names("""
            health finance society consumer food-safety weather education sport law housing tech local
            employment entertainment science traffic travel parenting agriculture environment
        """),
        sober_cues=names("""
            plain number question-mark quotation demonstrative trigger-lexeme exclamation colon
            you-service explainer-word column-tag hashtag affects-everyone number-list site-suffix
            everyone-stat insider-sourcing rumour-rebuttal countdown reversal-quote bracket-tag
            superlative ellipsis emotion-word
        """)),
    HeadlineSet(
        # about three quarters of the clickbait carries no loud trigger word
        "headlines-blind5", "hb5", per_label=360, per_family=10, subtle=Fraction(7, 10), per_topic=12,
        topics=TOPICS_19,
        families=names("""
            veiled-thing untold-outcome trade-whisper everybody-claim share-ask comment-ask hook-prefix
            seo-echo overblown scare rush vague-list withheld-question you-address unnamed-person
            before-after hearsay authority-drop video-hook trailing-ellipsis missed-out money-lure
            secret-method number-veil crowd-echo identity-target wrong-all-along slang-hype
        """),
        sober_cues=names("""
            plain number question quote named-demonstrative alert-exclaim explainer speaker-colon
            reader-service literal-trigger survey-share deadline column-tag site-suffix named-source
            rumour-denied list-named ellipsis-quote record contrast-told named-insider
        """)),
    HeadlineSet(
        # most of the clickbait (nine in ten as written) carries no loud trigger word
        "headlines-blind6", "hb6", per_label=440, per_family=13, subtle=Fraction(7, 10), per_topic=15,
        topics=TOPICS_19,
        families=names("""
            veiled-referent hidden-ending insider-tip all-of-us pass-it-on bang-prefix seo-repeat
            unanswered-why teaser-list you-targeted mystery-person scare-vague deadline-tease
            fomo-regret number-tease reaction-only group-callout myth-flip trick-promise freebie-lure
            comment-bait hyperbole ellipsis-cut video-tease rumour-mill expert-halo split-fate
            slang-hype testimony admonish
        """),
        sober_cues=names("""
            plain number question quote named-demonstrative alert-exclaim explainer speaker-colon
            reader-service literal-trigger survey-share deadline column-tag site-suffix named-source
            rumour-denied list-named ellipsis-quote record contrast-told named-insider told-ending
            first-person seo-answered whole-group
        """)),
    HeadlineSet(
        # about nine in ten of the clickbait subtle as written
        "headlines-blind7", "hb7", per_label=500, per_family=13, subtle=Fraction(8, 10), per_topic=15,
        topics=TOPICS_19, equal_labels=True,
        families=names("""
            pronoun-veil cut-before-ending trade-secret sweeping-majority share-appeal hook-prefix
            search-string open-why hidden-list withheld-figure second-person-risk nameless-figure
            vague-danger false-urgency missed-out crowd-reaction cohort-call wrong-all-along
            secret-method bait-poll trailing-dots footage-hook hearsay faceless-authority confession
            stop-doing free-money inflated-stakes fork-outcome hype-slang newsspeak-shell
            cliffhanger-question emotion-tug
        """),
        sober_cues=names("""
            plain figures answered-question interview-qa quoted-speech column-label official-notice
            series-label service-guide people-feature result-report explainer-named denial real-alert
            literal-stockword dated-deadline poll-shares named-this listed-items outcome-told
            byline-first-person portal-suffix ellipsis-in-quote record-set named-trade-source
            named-source contrast-told
        """)),
    HeadlineSet(
        "headlines-blind8", "hb8", per_label=520, per_family=13, subtle=Fraction(8, 10), per_topic=15,
        topics=TOPICS_20, **LATER,
        families=names("""
            deictic-blank sealed-ending behind-the-counter universal-claim forward-plea exclaim-tag
            keyword-chain puzzle-question unlisted-count number-bait reader-indicted masked-person
            unspecified-peril hindsight-envy reaction-shot group-summons belief-reversal single-trick
            comment-prompt ellipsis-trail camera-caught whisper-network unnamed-pro diary-lesson
            split-fate slang-superlative heart-string countdown-vague habit-warning freebie-lure
            earthquake-claim hollow-bulletin open-future rank-tease body-aftermath decided-tease
            not-this-not-that orphan-quote self-check
        """),
        sober_cues=names("""
            plain itemized-list self-answered attributed-quote how-to-given named-expert feature-told
            column-tag notice-stated reminder-stated hard-figures this-named ending-told result
            rumor-rebutted real-alert literal-trigger survey-share first-person-stated dated-deadline
            site-suffix quoted-ellipsis record interview-qa contrast-told ranking-named change-stated
            seo-answered named-source named-trade-source quoted-speech
        """)),
    HeadlineSet(
        "headlines-blind9", "hb9", per_label=500, per_family=11, subtle=Fraction(8, 10), per_topic=15,
        topics=TOPICS_20, **LATER,
        families=names("""
            pointer-veil cliff-cut guild-secret crowd-verdict relay-request bang-prefix seo-stack
            riddle-why hollow-tally sum-hidden second-person-jab faceless-protagonist vague-danger
            years-later crowd-gasp roll-call myth-flip magic-step vote-bait dot-dot-dot footage-tease
            grapevine white-coat-says memoir-moral fork-in-road net-hype lump-in-throat clock-ticking
            quit-now claim-it game-changer bureau-shell will-it-happen podium-veil n-day-experiment
            settled-unsaid neither-nor floating-quote symptom-quiz blind-item quiz-challenge
            savings-promise hashtag-fragment twist-flag secret-identity
        """),
        sober_cues=names("""
            plain named-specialist source-named this-with-referent answered-question figures-given
            story-resolved advice-given poll-figures official-notice alert-exclaim search-answered
            bar-column list-spelled profile-told hazard-named result deadline-dated rumor-denied
            first-person-facts contrast-stated winner-named dots-in-quote policy-change study-cited
            decision-stated speaker-quote hashtag-told trigger-literal record-set interview-answer
            site-title quote-then-speaker bracket-column
        """)),
    HeadlineSet(
        # four-digit ids (hb10-0001 …), ten sittings, each sober one mirroring the clickbait one
        # before it; over nine in ten of the clickbait subtle as written
        "headlines-blind10", "hb10", per_label=540, per_family=11, subtle=Fraction(9, 10), per_topic=20,
        topics=TOPICS_20, **LATER, id_digits=4, sittings=10, mirrored=True, banned=ISSUE_PHRASINGS,
        families=names("""
            this-that-veil ending-withheld trade-whisper everybody-claim share-plea exclaim-opener
            seo-pipe fear-bait list-missing-item heartstring false-deadline tease-question
            puffed-superlative price-unsaid time-jump nameless-celebrity room-reaction belief-reversed
            single-trick trailing-ellipsis caught-on-camera word-of-mouth anonymous-expert lesson-untold
            split-fates double-life quit-this free-to-claim upend-claim hollow-notice fortune-tell
            rank-unrevealed reader-quiz omen-sign reversal-tag comment-poll group-callout silent-loss
            hype-slang peer-anxiety origin-riddle fine-print last-chance-stock authority-nod
            speakerless-quote
        """),
        sober_cues=names("""
            plain figures-stated outcome-told news-question explainer-answered quote-attributed
            named-referent official-must reader-facts strong-verb-factual list-itemized ranking-named
            rumor-checked study-result verdict profile-named deadline-real advice-concrete hazard-named
            policy-detail poll-share site-title column-tag trigger-word-literal ellipsis-in-quote
            insider-named expert-named first-person-stated forecast-sourced contrast-explained
            identity-told exclaim-with-facts
        """)),
    HeadlineSet(
        # four-digit ids (hb11-0001 …), ten sittings, each sober one mirroring the clickbait one
        # before it; surface (length, colons, digits, quotes, commas, 【】) matched per sitting;
        # over nine in ten of the clickbait subtle as written
        "headlines-blind11", "hb11", per_label=540, per_family=12, subtle=Fraction(9, 10), per_topic=24,
        topics=TOPICS_20, **LATER, id_digits=4, sittings=10, mirrored=True, banned=ISSUE_PHRASINGS,
        families=names("""
            pronoun-fog cut-at-the-turn insider-hush majority-myth pass-along hook-bang search-chain
            dread-hint hurry-vague gap-why tally-tease tear-tug grand-claim sum-unsaid then-now
            faceless-star crowd-gasp wrong-way one-fix dots-hang footage-hint grapevine coat-advice
            years-taught-me fork-ending hidden-identity stop-it freebie-tease game-shift empty-bulletin
            will-it podium-hidden test-yourself sign-watch twist-flag poll-the-reader you-there
            leak-drain slang-boost neighbors-already fine-clause seal-of-authority voice-no-face
            stay-to-end kicker-veil
        """),
        sober_cues=names("""
            plain answered-why result-given numbers-told quote-with-speaker this-resolved
            notice-with-content advice-spelled list-given winner-given rumor-settled person-told
            study-finding hazard-specified deadline-stated reader-fact forecast-named verdict-told
            contrast-given first-person-told insider-named expert-named literal-loud-word bang-alert
            seo-title-answered column-bracket quote-ellipsis poll-share
        """)),
    HeadlineSet(
        # four-digit ids (hb12-0001 …), ten sittings, each sober one mirroring the clickbait one
        # before it line for line; surface (length, colons, digits, quotes, commas, 【】) matched per
        # sitting pair; over nine in ten of the clickbait subtle as written
        "headlines-blind12", "hb12", per_label=540, per_family=14, subtle=Fraction(9, 10), per_topic=24,
        topics=TOPICS_20, **LATER, id_digits=4, sittings=10, mirrored=True, banned=ISSUE_PHRASINGS,
        families=names("""
            ghost-referent sealed-outcome backroom-lore all-of-us-claim forward-request bang-lead
            underscore-query turning-point-cut quote-adrift numbered-veil room-goes-quiet price-in-fog
            masked-notable white-coat-tip you-are-doing-it unnamed-hazard closing-window unclaimed-perk
            peer-envy sweeping-change can-you-solve body-signal flip-marker pick-a-side off-duty-reveal
            decade-gap late-lesson street-rumor cctv-moment hollow-circular unfinished-scene
            official-nod-veil payoff-at-the-end netspeak-rave answer-below best-ever-vague new-wave-vague
            age-gate small-habit-payoff child-remark
        """),
        sober_cues=names("""
            plain ending-in-headline notice-specifics tip-spelled-out question-then-answer
            figure-with-unit quote-owner-named demonstrative-anchored items-enumerated first-place-named
            hearsay-checked person-profiled lab-or-survey-result risk-pinpointed cutoff-with-date
            reader-situation-fact outlook-attributed ruling-reported divergence-explained
            first-person-lesson-stated practitioner-named specialist-named alert-with-bang
            site-title-resolved bracket-column-fact survey-percent change-spelled-out
        """)),
    HeadlineSet(
        # four-digit ids (hb13-0001 …); each sober sitting mirrors the clickbait sitting before it
        # line for line; surface (length, colons, digits, quotes, commas, 【】) matched per sitting
        # pair; over nine in ten of the clickbait subtle as written
        "headlines-blind13", "hb13", per_label=570, per_family=14, subtle=Fraction(9, 10), per_topic=21,
        topics=TOPICS_20, **LATER, id_digits=4, sittings=10, mirrored=True, banned=ISSUE_PHRASINGS,
        families=names("""
            dim-pointer ending-kept trade-code majority-misstep send-to-kin exclaim-hook-head
            search-echo-bar why-unsaid tally-hidden you-misstep nameless-one lurking-risk years-apart
            reaction-veil figure-withheld knack-only ellipsis-hang last-frame whisper-chain
            expert-unsaid hindsight-essay two-fates handout-hint deadline-murk reader-challenge
            telltale-sign plot-turns comments-vote decree-shell quiet-trend hype-slang-burst
            keep-this-guide past-forty kid-words-veil secret-past stray-quote nameless-place
            top-seat-veil versus-open list-out-veil
        """),
        sober_cues=names("""
            plain tale-concluded tip-itemized notice-content danger-specified speaker-attributed
            rule-explained query-with-answer sum-with-unit poll-result items-named verdict-stated
            rumor-refuted test-finding anchor-named craftsman-named title-bar-answered profile-revealed
            lesson-spelled titled-expert date-bound winner-stated gap-explained alert-bang-fact
            bracket-desk-fact trend-measured place-named
        """)),
    HeadlineSet(
        # four-digit ids (hb14-0001 …); each sober sitting mirrors the clickbait sitting before it
        # line for line; surface (length, colons, digits, quotes, commas, 【】) matched per sitting
        # pair; over nine in ten of the clickbait subtle as written
        "headlines-blind14", "hb14", per_label=570, per_family=14, subtle=Fraction(9, 10), per_topic=21,
        topics=TOPICS_20, **LATER, id_digits=4, sittings=10, mirrored=True, banned=ISSUE_PHRASINGS,
        families=names("""
            shade-this finale-locked guild-lore most-folks-wrong forward-to-elders bang-front-hook
            query-pipes buzz-slang why-dangle count-cloak your-habit-wrong someone-did hazard-unnamed
            long-after onlookers-react number-cloaked tiny-trick trail-off clip-end-tease neighbor-talk
            doctor-hint hard-won-lesson diverging-lives perk-unnamed window-closing try-and-guess
            sign-unread sequel-stir pick-in-comments notice-sans-content craze-unnamed save-this-list
            after-age-n child-quote-veil unmasked-past quote-unowned somewhere-town crown-hidden
            which-wins letter-unopened
        """),
        sober_cues=names("""
            plain story-closed notice-detailed advice-stated expert-statement list-full person-story
            risk-named why-answered regulation-stated amount-stated hearsay-answered poll-share-given
            leader-given practice-described difference-given town-named seo-line-answered lesson-given
            deadline-with-date trend-with-figure quote-sourced ruling-given alert-with-facts
            study-outcome referent-given message-content
        """)),
    HeadlineSet(
        "headlines-train9", "ht9", per_label=860, per_family=11, subtle=Fraction(8, 10), per_topic=25,
        splits=frozenset({"train"}), **LATER,
        families=names("""
            veiled-referent cliffhanger-cut trade-whisper everyone-claim share-request bang-prefix
            query-stack untold-list hidden-sum you-accused faceless-subject nameless-danger years-later
            crowd-reaction group-call myth-flip one-move comment-bait dot-trail footage-tease hearsay
            nameless-authority me-confession forked-fate net-slang tug-heart vague-deadline stop-doing
            free-claim sea-change empty-notice what-next podium-hidden body-trial settled-secret
            neither-nor bare-quote mirror-test why-hook some-brand envy-compare gone-soon reader-quiz
            identity-twist hashtag-topic soft-address exclusive-shell fomo-deal watch-to-end
            irony-understate social-proof glow-up-secret paradox-bait banned-abroad provoke-reader
            symbol-bait
        """),
        topics=TOPICS_20 | {"military", "international", "auto", "pets", "parenting"},
        sober_cues=names("""
            plain advice-spelled profile-story numbers-given body-announces study-cited expert-by-name
            outcome-given asked-and-answered columnist-fact speaker-quoted company-says poll-figure
            date-fixed rumor-denied list-spelled top-spot-named hashtag-factual reminder-with-content
            trigger-literal search-answered scoreline two-paths-explained alert-specific this-resolved
            channel-suffix dots-in-quote section-tag qa-interview first-or-record quote-then-speaker
            scene-reported change-stated
        """)),
    HeadlineSet(
        "headlines-train10", "ht10", per_label=500, per_family=11, subtle=Fraction(8, 10), per_topic=8,
        splits=frozenset({"train"}), **LATER,
        families=names("""
            pronoun-veil cliffhanger-cut trade-secret everyone-claim share-appeal bang-prefix seo-string
            answer-later count-no-list sum-hidden you-at-fault faceless-figure nameless-hazard
            then-and-now crowd-reaction calling-group myth-flip one-move poll-bait dots-trail
            lens-caught hearsay-loop veiled-advisor memoir-lesson fork-fate slang-hype tearjerk-hint
            clock-pressure stop-doing free-money upheaval-claim empty-official what-next top-spot-hidden
            body-after-days it-is-settled neither-nor speakerless-quote sign-reading blind-item
            sequel-bait rage-bait price-plunge-tease answer-arrives
        """),
        topics=TOPICS_20 | {"auto"},
        sober_cues=names("""
            plain source-tagged data-release court-report police-report company-notice profile-told
            service-given figures-given question-resolved speaker-named list-spelled expert-cited
            outcome-given rumor-denied deadline-stated ranking-stated trigger-literal
            first-person-figure column-label alert-specific contrast-explained interview-answer
            notice-posted named-source survey-share result this-named review-verdict slang-literal
            reminder-stated sequel-told quoted-speech literal-ellipsis
        """)),
    HeadlineSet(
        # ids ht11-001 … ht11-999, then ht11-1000 …
        "headlines-train11", "ht11", per_label=1070, per_family=13, subtle=Fraction(8, 10), per_topic=25,
        splits=frozenset({"train"}), topics=TOPICS_20, **LATER,
        families=names("""
            advice-veil arc-span ask-the-crowd backroom-tip bang-prefix body-after-days calendar-shadow
            closing-door condition-veil confession-hook county-whisper crowd-echo crowd-verdict
            cut-before-turn dialect-hook double-hook elder-wisdom-bait empty-inventory empty-notice
            episode-hook feelings-essay footage-tease fork-in-road fortune-teller free-claim
            half-named-brand hearsay-cure heart-pull hidden-sum hometown-secret hot-words-spaced
            humble-hero invited-answer keyword-string kid-says kitchen-alarm life-maxim list-pick
            maker-log marriage-drama mirror-test myth-flip net-hype number-no-noun office-riddle
            old-timer-says one-move-fix parent-guilt podium-quote pointer-fog price-mystery
            price-whisper published-veil question-lure queue-legend quiz-dare rank-withheld
            relay-request reminder-veil reply-arrived roll-call room-reaction rumor-echo school-stir
            sequel-promise somewhere-in-town speaker-without-substance stat-scare streamer-call
            street-makeover survey-veil tag-fragment thread-tag-bait tide-turn trailing-dots turn-signal
            visual-tease voice-without-face watch-to-end who-was-it why-heartache years-later
            you-got-it-wrong
        """),
        sober_cues=names("""
            answer-given change-stated column-tag contrast-explained deadline-dated ending-told
            feature-told figures-given first-person-facts how-given interview-qa list-spelled
            literal-trigger myth-checked named-advice named-source notice-issued person-named plain
            police-report quote-attributed quoted-ellipsis ranking-with-winner real-alert
            reminder-stated result-reported rumor-answered school-notice seo-answered site-suffix
            survey-share tag-with-fact this-named video-caption
        """)),
    HeadlineSet(
        # four-digit ids (ht12-0001 …); each sober sitting mirrors the clickbait sitting before it
        "headlines-train12", "ht12", per_label=1290, per_family=12, subtle=Fraction(9, 10), per_topic=50,
        splits=frozenset({"train"}), topics=TOPICS_20, **LATER, id_digits=4, sittings=22, mirrored=True,
        banned=ISSUE_PHRASINGS,
        families=names("""
            abroad-banned all-of-you belief-undone blank-pointer body-dread cash-door chat-screenshot
            comment-summon count-no-items coy-question dare-reader date-shift diary-moral echo-quote
            elder-rule era-shift fine-print-veil fomo-missed grandma-recipe grapevine-loop group-hail
            guild-hush hand-it-on hashtag-stub hidden-price hollow-bulletin home-hazard if-only-known
            kid-utterance lens-witness letter-unread mark-pileup mid-clip-cut mute-number
            mystery-someone nameplate-hidden omen-reading open-loop-question overlooked-gem
            paradox-claim phone-call-hook phrase-decoder pipe-chain quiet-winner ranking-veil
            ripple-reaction robe-authority scarce-stock sealed-finale secret-knack shout-opener
            slang-blast small-tweak somewhere-vague split-result status-envy stop-now test-yourself
            ticking-clock timing-leak town-murmur trailing-hush true-identity tug-string twist-marker
            verdict-withheld versus-tease wait-and-see why-dangling years-on you-blamed
        """),
        sober_cues=names("""
            plain news-question figures-given speaker-quoted this-resolved official-must reader-told
            explainer-answered ending-stated source-named rumor-answered items-listed survey-figures
            deadline-dated column-tag trigger-literal first-person-facts winner-named search-answered
            alert-specific person-named contrast-stated
        """)),
    HeadlineSet(
        # four-digit ids (ht13-0001 …); each sober sitting mirrors the clickbait sitting before it
        # line for line; over nine in ten of the clickbait subtle as written
        "headlines-train13", "ht13", per_label=1000, per_family=16, subtle=Fraction(9, 10), per_topic=25,
        splits=frozenset({"train"}), topics=TOPICS_T13, **LATER, id_digits=4, sittings=10, mirrored=True,
        banned=ISSUE_PHRASINGS,
        families=names("""
            fog-pronoun curtain-drop counter-lore headcount-claim relay-plea bang-opener keyword-echo
            body-alarm dangling-why guilt-tug hourglass-push missing-tally blank-figure you-blame
            shadow-person reaction-proxy netspeak-blast belief-upended lone-lever poll-the-crowd
            fade-dots lens-reveal grapevine-town unnamed-expert diary-moral two-roads gift-bait
            everything-changes notice-husk crystal-ball podium-blank n-day-trial mask-drop
            neighbor-envy stay-till-end vlog-stop voice-in-void ratio-fright alley-famous price-drift
            late-regret stop-now-plea omen-check after-fifty child-line paw-mystery dashboard-secret
            archive-riddle star-blind-item backstage-cut payslip-tease unmapped-spot score-sealed
            field-trick scoreboard-flip cosmos-wow tag-stub answer-is-out part-two milestone-panic
            dare-the-reader understate-hook abroad-mirror triple-question colon-veil dated-blank
            orphan-number local-gasp paid-lesson bracket-lure minute-explainer-shell number-riddle
        """),
        sober_cues=names("""
            answered-question hard-numbers speaker-quote named-this must-notice reader-fact explainer
            outcome-given named-insider survey-object itemized real-alarm seo-answered episode-content
            rumor-settled result-line change-spelled profile-told deadline-stated tag-fact plain
        """)),
    HeadlineSet(
        # four-digit ids (ht14-0001 …); each sober sitting mirrors the clickbait sitting before it
        # line for line; surface (length, colons, digits, quotes, commas, 【】) matched per sitting
        # pair; over nine in ten of the clickbait subtle as written
        "headlines-train14", "ht14", per_label=510, per_family=8, subtle=Fraction(9, 10), per_topic=28,
        splits=frozenset({"train"}), topics=TOPICS_T14, **LATER, id_digits=4, sittings=8, mirrored=True,
        banned=ISSUE_PHRASINGS,
        families=names("""
            mute-this end-sealed trade-hush all-folks pass-it bang-head pipe-seo verdict-gush clock-push
            count-tease why-hang someone-vague room-react myth-turn one-knack dot-cut lens-show rumor-wind
            years-lesson split-paths perk-hint you-callout sign-omen price-veil quote-alone poll-pull
            twist-tag rank-veil slang-rave stay-end kid-said era-gap
        """),
        sober_cues=names("""
            told-ending figure-named notice-detail answer-inside tip-given finding-given speaker-given
            site-bar court-ruling alert-real date-fixed list-named trade-named hazard-pinned top-named
            profile-given rumor-checked lesson-stated poll-figure paths-explained reader-situation
            stock-word-literal pointer-anchored column-tag quote-trail plain
        """)),
]


# Each check (tests/headline_sets.py) and the sets that have it: the checks of each set's own
# former test file, kept for that set only where the others never promised them.
CHECKS = [
    (check_ids_numbered, lambda spec: spec.numbered),
    (check_order_of_writing, lambda spec: spec.sittings),
    (check_mirrored_sittings, lambda spec: spec.mirrored),
    (check_unique, lambda spec: True),
    (check_not_in_other_sets, lambda spec: spec.others),
    (check_not_banned, lambda spec: spec.banned),
    (check_labels, lambda spec: True),
    (check_splits_alternate, lambda spec: spec.alternating),
    (check_equal_labels, lambda spec: spec.equal_labels),
    (check_length, lambda spec: spec.length),
    (check_counts, lambda spec: True),
    (check_topics, lambda spec: spec.topics),
]
CASES = [(spec, check) for spec in SETS for check, has in CHECKS if has(spec)]


def short(spec: HeadlineSet) -> str:
    return spec.name.removeprefix("headlines-")


@cache
def _rows(spec: HeadlineSet) -> list[dict]:
    return read_rows(spec.path, spec.keys)


@pytest.fixture
def rows(spec):
    """The set's rows, read (and their format checked) once per session."""
    return _rows(spec)


@pytest.mark.parametrize("spec", [spec for spec in SETS if spec.escapes], ids=short)
def test_written_without_ascii_escapes(spec):
    assert lines_with_escapes(spec.path) == [], "line numbers with \\u escapes"


@pytest.mark.parametrize(("spec", "check"), CASES,
                         ids=[f"{short(spec)}-{check.__name__.removeprefix('check_')}" for spec, check in CASES])
def test_shape(spec, check, rows):
    check(rows, spec)
