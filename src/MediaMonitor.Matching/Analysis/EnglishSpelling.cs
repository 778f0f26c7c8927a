using System.Collections.Frozen;

namespace MediaMonitor.Matching.Analysis;

/// <summary>
/// British and American spellings of one word (organisation/organization, defence/defense, centre/center,
/// programme/program, rumour/rumor, travelled/traveled, paediatric/pediatric): every British form maps to the
/// American one before stemming, on the term side and the article side alike, so either spelling finds the other.
/// </summary>
/// <remarks>
/// Source: our own curation for news monitoring, from the regular British/American patterns (-our/-or, -re/-er,
/// -ce/-se, -ise/-ize, -yse/-yze, -ll-/-l-, ae/oe/e, -ogue/-og, -mme/-m) applied to words common in news, plus a few
/// one-offs; no external list was copied. Words whose other spelling is another English word are left out on purpose
/// (tyre/tire, kerb/curb, storey/story, cheque/check, draught/draft); practise, the British verb, maps to practice.
/// Inflections (-s, -ed, -ing) of each pair are generated, so the table lists base forms only, except where the
/// doubling of l differs (travelled/traveled), which is listed form by form.
/// </remarks>
internal static class EnglishSpelling
{
    /// <summary>British base form, American base form.</summary>
    private static readonly (string Uk, string Us)[] Pairs =
    [
        // -our / -or
        ("armour", "armor"), ("armoury", "armory"), ("behaviour", "behavior"), ("behavioural", "behavioral"),
        ("candour", "candor"), ("clamour", "clamor"), ("colour", "color"), ("colourful", "colorful"),
        ("demeanour", "demeanor"), ("endeavour", "endeavor"), ("favour", "favor"), ("favourable", "favorable"),
        ("favourite", "favorite"), ("flavour", "flavor"), ("harbour", "harbor"), ("honour", "honor"),
        ("honourable", "honorable"), ("humour", "humor"), ("labour", "labor"), ("labourer", "laborer"),
        ("neighbour", "neighbor"), ("neighbourhood", "neighborhood"), ("neighbouring", "neighboring"),
        ("odour", "odor"), ("parlour", "parlor"), ("rancour", "rancor"), ("rigour", "rigor"), ("rumour", "rumor"),
        ("saviour", "savior"), ("savour", "savor"), ("splendour", "splendor"), ("tumour", "tumor"), ("valour", "valor"),
        ("vapour", "vapor"), ("vigour", "vigor"), ("unfavourable", "unfavorable"), ("dishonour", "dishonor"),
        // -re / -er
        ("centre", "center"), ("epicentre", "epicenter"), ("fibre", "fiber"), ("litre", "liter"), ("metre", "meter"),
        ("kilometre", "kilometer"), ("centimetre", "centimeter"), ("millimetre", "millimeter"), ("theatre", "theater"),
        ("calibre", "caliber"), ("sabre", "saber"), ("sombre", "somber"), ("spectre", "specter"), ("lustre", "luster"),
        ("meagre", "meager"), ("manoeuvre", "maneuver"), ("sceptre", "scepter"), ("louvre", "louver"),
        // -ce / -se
        ("defence", "defense"), ("offence", "offense"), ("licence", "license"), ("pretence", "pretense"),
        // -ise / -ize and -isation / -ization
        ("organise", "organize"), ("organisation", "organization"), ("organiser", "organizer"),
        ("recognise", "recognize"), ("realise", "realize"), ("apologise", "apologize"), ("authorise", "authorize"),
        ("authorisation", "authorization"), ("capitalise", "capitalize"), ("categorise", "categorize"),
        ("centralise", "centralize"), ("decentralise", "decentralize"), ("characterise", "characterize"),
        ("civilisation", "civilization"), ("colonise", "colonize"), ("colonisation", "colonization"),
        ("criticise", "criticize"), ("democratise", "democratize"), ("emphasise", "emphasize"), ("finalise", "finalize"),
        ("globalise", "globalize"), ("globalisation", "globalization"), ("harmonise", "harmonize"),
        ("hospitalise", "hospitalize"), ("hospitalisation", "hospitalization"), ("immunise", "immunize"),
        ("immunisation", "immunization"), ("jeopardise", "jeopardize"), ("legalise", "legalize"),
        ("legalisation", "legalization"), ("legitimise", "legitimize"), ("maximise", "maximize"),
        ("minimise", "minimize"), ("mobilise", "mobilize"), ("mobilisation", "mobilization"), ("modernise", "modernize"),
        ("modernisation", "modernization"), ("monopolise", "monopolize"), ("nationalise", "nationalize"),
        ("nationalisation", "nationalization"), ("neutralise", "neutralize"), ("normalise", "normalize"),
        ("normalisation", "normalization"), ("optimise", "optimize"), ("penalise", "penalize"), ("polarise", "polarize"),
        ("polarisation", "polarization"), ("popularise", "popularize"), ("prioritise", "prioritize"),
        ("privatise", "privatize"), ("privatisation", "privatization"), ("publicise", "publicize"),
        ("radicalise", "radicalize"), ("radicalisation", "radicalization"), ("rationalise", "rationalize"),
        ("revitalise", "revitalize"), ("scrutinise", "scrutinize"), ("specialise", "specialize"),
        ("stabilise", "stabilize"), ("stabilisation", "stabilization"),
        ("destabilise", "destabilize"), ("destabilisation", "destabilization"), ("standardise", "standardize"),
        ("sterilise", "sterilize"), ("subsidise", "subsidize"), ("summarise", "summarize"), ("symbolise", "symbolize"),
        ("sympathise", "sympathize"), ("terrorise", "terrorize"), ("utilise", "utilize"), ("vandalise", "vandalize"),
        ("visualise", "visualize"), ("weaponise", "weaponize"), ("militarise", "militarize"),
        ("militarisation", "militarization"), ("demilitarise", "demilitarize"), ("demilitarisation", "demilitarization"),
        ("urbanise", "urbanize"), ("urbanisation", "urbanization"), ("sanitise", "sanitize"), ("sanitiser", "sanitizer"),
        ("economise", "economize"), ("energise", "energize"), ("fertilise", "fertilize"), ("fertiliser", "fertilizer"),
        ("galvanise", "galvanize"), ("liberalise", "liberalize"), ("liberalisation", "liberalization"),
        ("marginalise", "marginalize"), ("materialise", "materialize"), ("ostracise", "ostracize"),
        ("pressurise", "pressurize"), ("trivialise", "trivialize"), ("unionise", "unionize"), ("westernise", "westernize"),
        ("digitise", "digitize"), ("digitisation", "digitization"), ("hypothesise", "hypothesize"),
        ("antagonise", "antagonize"), ("agonise", "agonize"), ("dramatise", "dramatize"), ("mesmerise", "mesmerize"),
        ("memorise", "memorize"), ("patronise", "patronize"), ("vaporise", "vaporize"), ("idolise", "idolize"),
        ("itemise", "itemize"), ("fraternise", "fraternize"), ("evangelise", "evangelize"), ("incentivise", "incentivize"),
        ("monetise", "monetize"), ("sensitise", "sensitize"), ("securitise", "securitize"), ("stigmatise", "stigmatize"),
        ("traumatise", "traumatize"), ("victimise", "victimize"),
        // -yse / -yze
        ("analyse", "analyze"), ("paralyse", "paralyze"), ("catalyse", "catalyze"), ("breathalyse", "breathalyze"),
        // ae, oe / e
        ("anaemia", "anemia"), ("anaemic", "anemic"), ("anaesthetic", "anesthetic"), ("anaesthesia", "anesthesia"),
        ("anaesthetist", "anesthetist"), ("haemorrhage", "hemorrhage"), ("haemoglobin", "hemoglobin"),
        ("haematology", "hematology"), ("haemophilia", "hemophilia"), ("paediatric", "pediatric"),
        ("paediatrician", "pediatrician"), ("encyclopaedia", "encyclopedia"), ("orthopaedic", "orthopedic"),
        ("diarrhoea", "diarrhea"), ("oesophagus", "esophagus"), ("oestrogen", "estrogen"), ("foetus", "fetus"),
        ("foetal", "fetal"), ("leukaemia", "leukemia"), ("gynaecology", "gynecology"), ("gynaecologist", "gynecologist"),
        ("caesarean", "cesarean"), ("oedema", "edema"), ("archaeology", "archeology"), ("palaeontology", "paleontology"),
        ("aetiology", "etiology"), ("septicaemia", "septicemia"), ("ischaemia", "ischemia"),
        // -ogue / -og, -mme / -m, -ence
        ("catalogue", "catalog"), ("analogue", "analog"), ("programme", "program"), ("kilogramme", "kilogram"),
        ("judgement", "judgment"), ("acknowledgement", "acknowledgment"), ("ageing", "aging"),
        // single letters and one-offs
        ("aluminium", "aluminum"), ("aeroplane", "airplane"), ("grey", "gray"), ("plough", "plow"), ("mould", "mold"),
        ("mouldy", "moldy"), ("moult", "molt"), ("smoulder", "smolder"), ("gaol", "jail"), ("pyjamas", "pajamas"),
        ("sceptic", "skeptic"), ("sceptical", "skeptical"), ("scepticism", "skepticism"), ("moustache", "mustache"),
        ("cosy", "cozy"), ("artefact", "artifact"), ("sulphur", "sulfur"), ("yoghurt", "yogurt"),
        ("enrolment", "enrollment"), ("fulfil", "fulfill"), ("fulfilment", "fulfillment"), ("instalment", "installment"),
        ("skilful", "skillful"), ("wilful", "willful"), ("jewellery", "jewelry"), ("marvellous", "marvelous"),
        ("counsellor", "counselor"), ("councillor", "councilor"), ("woollen", "woolen"), ("practise", "practice"),
        ("manoeuvring", "maneuvering"), ("doughnut", "donut"),
    ];

    /// <summary>Inflected forms where British English doubles a final l (travel → travelled, traveling in American).</summary>
    private static readonly (string Uk, string Us)[] DoubledL =
    [
        ("travelled", "traveled"), ("travelling", "traveling"), ("traveller", "traveler"), ("travellers", "travelers"),
        ("cancelled", "canceled"), ("cancelling", "canceling"), ("labelled", "labeled"), ("labelling", "labeling"),
        ("modelled", "modeled"), ("modelling", "modeling"), ("fuelled", "fueled"), ("fuelling", "fueling"),
        ("levelled", "leveled"), ("levelling", "leveling"), ("signalled", "signaled"), ("signalling", "signaling"),
        ("channelled", "channeled"), ("channelling", "channeling"), ("counselled", "counseled"),
        ("counselling", "counseling"), ("quarrelled", "quarreled"), ("totalled", "totaled"), ("totalling", "totaling"),
        ("dialled", "dialed"), ("dialling", "dialing"), ("equalled", "equaled"), ("rivalled", "rivaled"),
        ("tunnelled", "tunneled"), ("marshalled", "marshaled"), ("marshalling", "marshaling"), ("shovelled", "shoveled"),
        ("spiralled", "spiraled"), ("spiralling", "spiraling"), ("unravelled", "unraveled"), ("unravelling", "unraveling"),
        ("grovelled", "groveled"), ("swivelled", "swiveled"), ("jewelled", "jeweled"), ("libelled", "libeled"),
        ("instalments", "installments"),
    ];

    private static readonly FrozenDictionary<string, string> UkToUs = Build();

    private static readonly FrozenDictionary<string, string>.AlternateLookup<ReadOnlySpan<char>> UkToUsLookup =
        UkToUs.GetAlternateLookup<ReadOnlySpan<char>>();

    /// <summary>Every British form with its American form.</summary>
    public static IEnumerable<KeyValuePair<string, string>> Forms => UkToUs;

    /// <summary>The American spelling of a lower-case word, or the word itself.</summary>
    public static string ToAmerican(string word) => UkToUs.TryGetValue(word, out var us) ? us : word;

    public static bool TryGetAmerican(ReadOnlySpan<char> word, out string american) =>
        UkToUsLookup.TryGetValue(word, out american!);

    private static FrozenDictionary<string, string> Build()
    {
        var map = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (uk, us) in Pairs)
        {
            if (uk == us) continue;
            map.TryAdd(uk, us);
            map.TryAdd(Plural(uk), Plural(us));
            map.TryAdd(Past(uk), Past(us));
            map.TryAdd(Ing(uk), Ing(us));
        }
        foreach (var (uk, us) in DoubledL)
            if (uk != us) map.TryAdd(uk, us);
        // A generated form that is itself an American spelling must stay as it is.
        var american = new HashSet<string>(map.Values, StringComparer.Ordinal);
        foreach (var k in map.Keys.Where(american.Contains).ToArray()) map.Remove(k);
        return map.ToFrozenDictionary(StringComparer.Ordinal);
    }

    private static string Plural(string w)
    {
        if (w.EndsWith('s') || w.EndsWith('x') || w.EndsWith('z') || w.EndsWith("ch", StringComparison.Ordinal) ||
            w.EndsWith("sh", StringComparison.Ordinal))
            return w + "es";
        if (w.Length > 2 && w[^1] == 'y' && !IsVowel(w[^2])) return w[..^1] + "ies";
        return w + "s";
    }

    private static string Past(string w)
    {
        if (w.EndsWith('e')) return w + "d";
        if (w.Length > 2 && w[^1] == 'y' && !IsVowel(w[^2])) return w[..^1] + "ied";
        return w + "ed";
    }

    private static string Ing(string w) =>
        w.EndsWith('e') && !w.EndsWith("ee", StringComparison.Ordinal) ? w[..^1] + "ing" : w + "ing";

    private static bool IsVowel(char c) => c is 'a' or 'e' or 'i' or 'o' or 'u';
}
