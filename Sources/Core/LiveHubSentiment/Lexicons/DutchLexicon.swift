/// Dutch words and phrases of customer service, written for livehub. Scores run from -3 to 3;
/// `a / b` gives the value under negation; `xF` scales the next sentiment word; `prefix:` lines
/// are first parts of compounds; see `Lexicon`. The ĳ ligature is folded to i+j and accents are
/// dropped ("één" → "een"); "y" typed for "ij" is tried when a word is not found.
enum DutchLexicon {
    static let source = """
        detect: ik niet en het de een mijn jullie u je jij wij ze zij nog geen nooit al ook maar wel hoe wat
        detect: waarom kan kunnen heb heeft hebben ben zijn werd wordt met voor op te van bij sinds graag
        detect: steeds nu alleen heel toch als dat er hier vandaag gisteren bestelling naar om dit deze
        detect: wil moet zou mij me uw pakket levering hallo hoi goedemorgen ja nee niks weer even eens
        detect: wanneer welke daar waar omdat dus zo krijg kreeg uit elkaar na toen zou bent

        # Dank en beleefdheid. Een formule ("alvast bedankt") telt niet mee.
        bedankt, dank, dankje, dankjewel, dankuwel, bedankjes = 1.5
        dank je, dank u = 1.5
        dank je wel, dank u wel, hartelijk dank, hartelijk bedankt, heel erg bedankt, reuze bedankt = 2
        duizendmaal dank, duizend maal dank, ontzettend bedankt, super bedankt, veel dank, hartstikke bedankt = 2.5
        alvast bedankt, bij voorbaat dank, alvast dank, bvd, toch bedankt = 0
        bedankt voor niks, bedankt voor niets = -2.5
        dankbaar = 2
        met vriendelijke groet, vriendelijke groet, vriendelijke groeten, met vriendelijke groeten, mvg, groetjes = 0
        goedemorgen, goedemiddag, goedenavond, goedendag, goede morgen, goede middag, goeiemorgen = 0
        fijne dag, nog een fijne dag, prettige dag, fijn weekend, prettig weekend = 1
        geen probleem, geen punt, geen zorgen, graag gedaan, maakt niet uit, niet erg, geeft niet = 1.2
        alles goed, helemaal goed, alles prima, alles in orde, komt goed = 1.5
        goed gedaan, ga zo door, goed bezig, petje af, complimenten = 2
        dag gered, mijn dag gered, u bent een schat, een schat, jullie zijn de besten = 2.5
        onder de indruk, dol op = 2.5
        goed om te weten = 0.8
        geen idee = -0.8
        niet alleen, niet zeker = 0
        ok dan = 0

        # Lof en tevredenheid.
        goed, goede, goeie = 1.5
        prima = 1.2
        toppie, topper, tof, gaaf, vet = 2
        geweldig, fantastisch, uitstekend, voortreffelijk, subliem, super goed = 3
        schitterend, prachtig, heerlijk, fenomenaal, briljant = 2.5
        fijn = 1.8
        leuk, mooi = 1.5
        aardig, lief, sympathiek = 1.5
        vriendelijk, beleefd, klantvriendelijk = 1.8
        behulpzaam, hulpvaardig, nuttig = 2
        geduldig = 1.5
        netjes, keurig = 1.5
        deskundig, professioneel, competent = 1.5
        snel, vlot, rap, spoedig = 1
        makkelijk, gemakkelijk, eenvoudig, soepel, probleemloos, handig = 1.2
        betrouwbaar = 1.5
        tevreden = 2
        blij, gelukkig = 2
        opgelucht, opluchting = 2
        enthousiast = 2.2
        beste = 2.5
        beter = 1.2
        best = 0.8 | x0.9
        aanrader = 2.5
        aanraden, aanbevelen = 2 / -2
        bevalt, bevallen = 1.5 / -1.8
        blij mee, tevreden mee = 2
        houd van, hou van = 2.5
        in orde = 0.8 / -1.8
        klopt = 0 / -1.5
        helder = 0.5
        duidelijk = 0.5 / -1.5
        correct = 0 / -1.2
        acceptabel, aanvaardbaar = 1 / -2.2
        redelijk = 0.8 | x0.8
        eerlijk = 0.5
        wow = 1
        eindelijk = 0.3
        perfecte, perfect = 2.5

        # Wat verwacht werd: weinig waard als het gebeurt, veel als het niet gebeurt.
        werkt, werken, werkte = 0.5 / -2
        doet het, doen het = 0.5 / -2
        lukt, gelukt = 1.5 / -1.8
        opgelost, verholpen, gerepareerd, gefikst, gefixt, geregeld, afgehandeld = 1.5 / -1.8
        helpt, helpen = 1.5 / -1.2
        geholpen = 1.8 / -1.5
        hulp, ondersteuning = 0 / -1.5
        aangekomen, ontvangen, gekregen, geleverd, bezorgd, binnen, binnengekomen, aankomen = 0 / -2
        kwam, komt, komen = 0 / -1.2
        antwoord, antwoorden, antwoordt, geantwoord, reactie, reageert, gereageerd, gemeld = 0 / -1.8
        teruggebeld, terugbellen, gebeld = 0 / -1.8
        terugbetaling, restitutie, creditering, geld = 0 / -1.5
        terugbetaald, teruggestort, gecrediteerd = 0.8 / -1.8
        verwerkt, verzonden, verstuurd = 0 / -1.5
        inloggen, aanmelden, ingelogd = 0 / -1.5
        geld terug = 0.5
        wil mijn geld terug, mijn geld terug wil, wil mijn geld, eis mijn geld terug = -2

        # Problemen en klachten.
        slecht, slechte = -2
        slechtste, ergste = -3
        slechter, erger = -2
        waardeloos, waardeloze, nutteloos, nutteloze, zinloos, onbruikbaar, onbruikbare = -2.5
        belachelijk, absurd = -2.2
        onmogelijk = -1.8
        onacceptabel, onaanvaardbaar, schandalig, schande, brutaal, onbeschoft = -2.8
        vreselijk, verschrikkelijk, afschuwelijk, rampzalig, beroerd, bar slecht, dramatisch = -2.8
        ramp, drama, nachtmerrie, fiasco = -2.8
        grap, een grap = -1.5
        bagger, troep, rommel, rotzooi, zooi, prut, shit, klote, kut, bende = -2.5
        oplichting, oplichters, oplichter, bedrog, afzetterij, opgelicht = -3
        chaos, puinhoop = -2
        kapot, gebroken, stukgegaan, vernield, beschadigd, beschadigde = -2
        is stuk, was stuk, ging stuk, gaat stuk, kapot gegaan, stuk gegaan = -2
        defect, defecte, gebrekkig, ondeugdelijk = -2.2
        gescheurd, gekrast, deuk, vlek, vlekken, vies, nat, doorweekt, lekt, lek = -1.5
        krassen, kras = -1.2
        schade, mankement, gebrek = -1.5
        ontbreekt, ontbreken, missen, mist, vermist, kwijt, kwijtgeraakt, verloren, is zoek, zoekgeraakt = -1.5
        verkeerd, verkeerde, fout, foute = -1.5
        te laat, vertraging, vertraagd, later dan beloofd = -1.5
        traag, langzaam, sloom = -1.2
        loopt vast, vastgelopen, crasht, gecrasht, crashen, hangt = -1.8
        hangt af, hangt ervan af = 0
        lekker, prettig, aangenaam = 1.5
        stom, vervelend = -1.8
        saai = -1.2
        mislukt = -2
        foutmelding, storing, probleem, problemen, moeilijkheden, gedoe = -1.2
        klacht, klachten, klagen = -1.5
        teleurgesteld, teleurstellend, teleurstelling = -2.5
        geïrriteerd, irritant, ergerlijk, erger me, ergernis, ergert = -2.2
        gefrustreerd, frustrerend, frustratie = -2.5
        boos, kwaad, pissig, nijdig = -2.5
        woedend, razend, furieus = -3
        ontevreden = -2.2
        verdrietig, jammer = -1.2
        spijt, spijt van = -2.2
        zorgen, ongerust, bezorgdheid = -1.2
        verwarrend, onduidelijk, misleidend = -1.5
        onvriendelijk, onbeleefd, arrogant, neerbuigend = -2.2
        incompetent, onkundig, amateuristisch = -2.8
        genegeerd, negeren = -2.2
        in de wacht = -1.5
        wacht nog steeds, wacht nog altijd, nog steeds wachten, wacht al, wachten al, sta al, zit al te wachten = -1.8
        opgehangen, hing op = -1.5
        verspilling, geldverspilling, tijdverspilling, zonde van = -2.5
        dubbel afgeschreven, twee keer afgeschreven, te veel gerekend, teveel betaald, te veel betaald = -2.2
        geblokkeerd = -1.5
        geannuleerd = -0.5
        ongeldig = -1
        duur = -1
        te duur = -2
        onzin = -2
        gelogen, liegen, leugen, leugens = -2.5
        beloofd, toegezegd = -0.8
        nooit meer = -2.5
        helaas = -0.5
        hopeloos = -2.5
        alweer, weer eens, telkens weer = -1
        het zat, zo zat, spuugzat, kotsbeu, meer dan zat, gek van, word er gek van, baal, balen = -2.5
        leidinggevende, manager, klacht indienen, advocaat = -1.5
        nou geweldig, nou lekker, lekker dan, nou leuk = -1.5
        smoesjes, smoes = -1.5
        ongelooflijk, ongelofelijk = -1.5 | x1.5
        erg = x1.3
        al dagen, al weken, al maanden, al uren, al <n> dagen, al <n> weken, al <n> maanden, al <n> uren = -1
        dagen later, weken later, sinds <n> dagen, sinds <n> weken = -1
        nog niks, nog niets, nog steeds niks, nog steeds niets, nog altijd niks, tot nu toe niks = -1.5
        uit elkaar, valt uit elkaar, uit elkaar gevallen, tegengevallen, valt tegen, viel tegen = -2
        koud = -1
        flikkert, flikkeren, verbleekt, verkleurd, wiebelt, wiebelig, zit los, vlekkerig = -1.2
        verlopen = -1
        bezet = -0.8
        fatsoenlijk, doorgekomen, doorgegaan = 0 / -1.5
        overtuigd, overtuigend = 1.5 / -1.8
        standaardantwoord, standaardantwoorden, standaard antwoord, ander antwoord = -1.5
        gul, royaal, coulant = 2

        boundaries: en of want omdat als toen dat nadat voordat zodra terwijl
        particles: aan af bij door in mee na om op over terug toe uit vast weg voor achter samen tegen

        # Ontkenning, tegenstelling, versterking.
        niet, geen, nooit, niets, niks, niemand, zonder, nergens, noch, nauwelijks, amper = not
        nog niet, niet meer, geen enkele = not
        maar, echter, desondanks, niettemin = but
        hoewel, ofschoon, alhoewel, ondanks, weliswaar = although
        heel, zo, bijzonder, echt heel = x1.3
        echt = 0 | x1.3
        zeer, enorm, ontzettend, vreselijk erg, uiterst, extreem, hartstikke, super erg, verschrikkelijk erg = x1.5
        totaal, compleet, volledig, absoluut, helemaal = x1.4
        behoorlijk, flink, nogal, vrij = x1.1
        te = x1.1
        nog steeds, nog altijd, steeds, telkens, constant, continu = x1.3
        een beetje, beetje, een tikje, enigszins, ietwat, iets, wat = x0.6
        veel = x1.2

        # Eerste delen van samenstellingen.
        prefix: super, mega, hyper, ultra, kei, reuze, bere, oer, dood, stom, snoei, bloed, stink = x1.5
        prefix: top, klasse = 2.2 | x1.3
        prefix: rot, klote, kut, bagger, prut = -2.2
        prefix: mis, fout = -1.2
        prefix: on = not
        """
}
