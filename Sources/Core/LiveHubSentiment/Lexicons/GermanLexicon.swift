/// German words and phrases of customer service, written for livehub. Scores run from -3 to 3;
/// `a / b` gives the value under negation; `xF` scales the next sentiment word; `prefix:` lines
/// are first parts of compounds; see `Lexicon`. Umlauts and ß are folded (ä → ae, ß → ss), so
/// "enttaeuscht" and "enttäuscht" are one word.
enum GermanLexicon {
    static let source = """
        detect: ich nicht und ist das die der den dem des ein eine einen einem mein meine meinen sie ihr ihre ihnen
        detect: es wir mir mich noch kein keine nie schon auch aber wie warum kann können habe hab hat haben bin
        detect: sind war wurde wird mit für auf zu von bei seit bitte immer jetzt nur sehr gar doch oder wenn dass
        detect: sich man heute gestern bestellung paket lieferung hallo moin guten ja nein nichts wieder mal
        detect: schicken geht gibt möchte würde sollte muss eigentlich leider einfach ganz ob weil denn also

        # Dank und Höflichkeit. Eine Formel ("danke im Voraus") zählt nichts.
        danke, dankeschön, dank = 1.5
        danke schön, danke sehr, vielen dank, besten dank, herzlichen dank, vielen herzlichen dank = 2
        tausend dank, vielen lieben dank, lieben dank, danke vielmals, danke danke, ganz lieben dank = 2.5
        bedanke, bedanken = 1.5
        danke im voraus, vielen dank im voraus, danke vorab, vorab danke, vorab vielen dank, im voraus = 0
        danke trotzdem, trotzdem danke = 0
        danke für nichts, vielen dank für nichts = -2.5
        dankbar = 2
        mit freundlichen grüßen, freundliche grüße, freundlichen grüßen, liebe grüße, viele grüße, mfg, lg = 0
        guten tag, guten morgen, guten abend, gute nacht, schönen guten tag = 0
        schönen tag, schönen tag noch, schönes wochenende, einen schönen tag = 1
        kein problem, keine ursache, kein ding, gern geschehen, gerne doch, nicht schlimm, halb so wild = 1.2
        alles gut, alles bestens, alles super, alles in ordnung, passt schon = 1.5
        gute arbeit, weiter so, gut gemacht, klasse arbeit, top arbeit = 2
        den tag gerettet, tag gerettet, sie sind ein schatz, ein schatz, ihr seid die besten = 2.5
        gut zu wissen = 0.8
        keine ahnung = -0.8
        nicht nur, nicht sicher, nicht ganz sicher = 0
        alles klar = 0

        # Lob und Zufriedenheit.
        gut, gute, guten, gutes, guter = 1.5
        toll, klasse, prima, spitze, genial, geil = 2.2
        stark = 2 | x1.4
        angenehm = 1.5
        hervorragend, ausgezeichnet, exzellent, fantastisch, phantastisch, großartig, grandios, überragend = 3
        wunderbar, wundervoll, traumhaft, sensationell, erstklassig = 2.5
        der hammer, der wahnsinn, ein traum = 2.5
        schön = 1.5
        nett, lieb = 1.5
        freundlich, höflich, zuvorkommend = 1.8
        hilfreich, hilfsbereit = 2
        geduldig = 1.5
        kompetent, professionell = 1.5
        schnell, zügig, flott, fix = 1
        unkompliziert, problemlos, reibungslos = 1.2
        einfach = 0
        war einfach, ganz einfach, ging einfach, super einfach = 1.5
        zuverlässig, verlässlich = 1.5
        zufrieden = 2
        glücklich, froh = 2
        erleichtert = 2
        begeistert, beeindruckt = 2.5
        einwandfrei, tadellos, makellos = 2
        beste, besten, bester, bestes = 2.5
        besser = 1.2
        ich liebe, liebe es, lieben, liebt = 2.5
        lieben gruß, lieben grüßen, liebe frau, lieber herr, liebes team = 0
        gefällt, gefallen = 1.5 / -1.8
        freue, freuen, freude, gefreut = 1.5
        empfehlen, weiterempfehlen, empfehlenswert = 2 / -2
        super gelaufen, hat geklappt = 2
        passt = 0.8 / -1.5
        stimmt = 0 / -1.5
        in ordnung = 0.8 / -1.8
        korrekt = 0 / -1.2
        richtig = 0 / -1.2 | x1.3
        akzeptabel, annehmbar = 1 / -2.2
        fair = 1 / -1.8
        wow = 1
        endlich = 0.3

        # Was erwartet wurde: wenig wert, wenn es eintritt, viel, wenn nicht.
        funktioniert, funktionieren, funktionierte = 0.5 / -2
        läuft, klappt = 0.8 / -1.8
        geht, gehen, ging = 0 / -1.5
        gelöst, behoben, repariert, erledigt, geklärt, geregelt = 1.5 / -1.8
        geklappt = 1.5 / -1.8
        hilft, helfen = 1.5 / -1.2
        geholfen = 1.8 / -1.5
        hilfe, unterstützung = 0 / -1.5
        angekommen, ankommen, erhalten, bekommen, gekriegt, geliefert, zugestellt, eingegangen = 0 / -2
        kam, kommt, kommen, da = 0 / -1.2
        antwort, antworten, antwortet, geantwortet, rückmeldung, reaktion, reagiert, gemeldet, meldet = 0 / -1.8
        rückruf, zurückgerufen, zurückrufen, angerufen = 0 / -1.8
        erstattung, rückerstattung, gutschrift, geld, erstattungen = 0 / -1.5
        erstattet, gutgeschrieben, zurücküberwiesen = 0.8 / -1.8
        bearbeitet, verschickt, versendet, versandt = 0 / -1.5
        einloggen, anmelden, eingeloggt, angemeldet = 0 / -1.5
        geld zurück = 0.5
        will mein geld zurück, möchte mein geld zurück, will mein geld, will mein geld wieder, will eine erstattung = -2

        # Probleme und Beschwerden.
        schlecht = -2
        mies, miserabel, mangelhaft, dürftig, lausig, grottig, grottenschlecht = -2.2
        furchtbar, schrecklich, fürchterlich, grauenhaft, grauenvoll, entsetzlich, katastrophal, unterirdisch = -2.8
        schlechteste, schlechtesten, schlechtester, schlimmste, schlimmsten = -3
        schlimmer, schlechter = -2
        schlimm = -2
        nutzlos, sinnlos, zwecklos, unbrauchbar, wertlos = -2.5
        lächerlich, absurd = -2.2
        unmöglich = -2
        inakzeptabel, unakzeptabel, unverschämt, unverschämtheit, frechheit, dreistigkeit, dreist = -2.8
        skandal, skandalös, sauerei, zumutung, schande, peinlich = -2.5
        witz = -1.5
        mist, müll, schrott, scheiße, scheiss, kacke, dreck, saftladen, drecksladen, schrottladen = -2.5
        betrug, abzocke, betrüger, abzocker, abgezockt, betrogen, verarscht, verarsche = -3
        katastrophe, desaster, albtraum, alptraum, debakel = -2.8
        chaos, durcheinander = -1.8
        kaputt, zerbrochen, zerstört, beschädigt, demoliert = -2
        defekt, fehlerhaft, funktionsunfähig = -2.2
        zerkratzt, verkratzt, gerissen, eingerissen, verbeult, dreckig, verschmutzt, nass, undicht, ausgelaufen = -1.5
        kratzer, delle, fleck, flecken = -1.2
        schaden, mangel, mängel = -1.5
        fehlt, fehlen, fehlend, fehlende, verloren, verschwunden, ist weg, sind weg = -1.5
        schade, angst = -1.2
        langweilig = -1.5
        unnötig = -1.5
        später = 0
        falsch, verkehrt = -1.5
        spät, verspätet, verspätung, verzögerung, verzögert, verzug = -1.5
        langsam, lahm, träge = -1.2
        hängt, hängt sich auf, abgestürzt, absturz, stürzt ab, abstürzen = -1.8
        stürzt = -1.5
        fehler, störung, bug, probleme, problem, schwierigkeiten = -1.2
        ärger, ärgerlich, ärgere, ärgert, geärgert = -2
        beschwerde, beschweren, reklamation, reklamieren = -1.5
        enttäuscht, enttäuschend, enttäuschung, enttauscht = -2.5
        genervt, nervig, nervt, nervend = -2.2
        frustriert, frustrierend, frust = -2.5
        sauer, verärgert, angefressen, stinksauer = -2.5
        wütend, zornig, empört = -2.8
        unzufrieden = -2.2
        traurig = -1.5
        bereue, bereuen, bereut = -2.2
        sorge, sorgen, besorgt = -1.2
        verwirrend, unverständlich, unklar, irreführend = -1.5
        unfreundlich, unhöflich, frech, patzig, pampig, arrogant, herablassend = -2.2
        inkompetent, unfähig, ahnungslos = -2.8
        ignoriert = -2.2
        warteschleife = -1.2
        in der warteschleife = -1.5
        warte immer noch, warten immer noch, immer noch warten, noch immer warten, warte schon, warte seit = -1.8
        aufgelegt = -1.5
        verschwendung, zeitverschwendung, geldverschwendung = -2.5
        zu viel berechnet, doppelt abgebucht, doppelt berechnet, zweimal abgebucht = -2.2
        gesperrt = -1.5
        storniert = -0.5
        ungültig = -1
        teuer = -1
        überteuert = -2
        unsinn, quatsch, blödsinn = -2
        gelogen, lügen, lüge, lügt = -2.5
        versprochen, zugesagt = -0.8
        nie wieder = -2.5
        leider, bedauerlicherweise = -0.5
        hoffnungslos = -2.5
        schon wieder, wieder mal, schon wieder mal, zum wiederholten mal, immer wieder = -1
        nase voll, die nase voll, mir reicht es, mir reichts, es reicht, jetzt reicht es, langsam reicht es = -2.5
        reicht mir, reicht jetzt, reicht es mir, keine lust mehr = -2.5
        vorgesetzten, beschwerde einreichen, anwalt = -1.5
        na toll, na super, na prima, na klasse = -1.5
        ausrede, ausreden = -1.5
        unglaublich = -1.5 | x1.5
        lol = 0
        seit tagen, seit wochen, seit monaten, seit stunden, seit ewigkeiten, seit <n> tagen, seit <n> wochen = -1
        seit <n> monaten, seit <n> stunden, tage später, wochen später = -1
        bis jetzt nichts, noch nichts, immer noch nichts, noch immer nichts, nichts passiert, bisher nichts = -1.5
        auseinandergefallen, fällt auseinander, kaputtgegangen, kaputt gegangen = -2
        kalt = -1
        flackert, flackern, verblasst, ausgeblichen, wackelt, wackelig, locker, fleckig = -1.2
        abgelaufen = -1
        besetzt = -0.8
        ordentlich, durchgegangen = 0 / -1.5
        überzeugt, überzeugend = 1.5 / -1.8
        standardantwort, standardantworten, textbaustein, textbausteine, andere auskunft, andere antwort = -1.5
        großzügig, kulant = 2
        verliert, verlieren = -1.2

        boundaries: und oder weil denn wenn als dass nachdem bevor sobald während
        particles: ab an auf aus bei durch ein fest fort her herein heraus hin hinein los mit nach vor weg weiter
        particles: zu zurück zusammen auseinander über unter um wieder dazu davon daran hoch runter rein raus

        # Verneinung, Gegensatz, Verstärkung.
        nicht, nich, net, kein, keine, keinen, keiner, keinem, keines, nie, niemals, nichts, nix = not
        niemand, ohne, weder, kaum, noch nie, nicht mehr, noch nicht = not
        aber, jedoch, allerdings, trotzdem, dennoch, sondern = but
        obwohl, obgleich, wenngleich, zwar, trotz = although
        sehr, wirklich, so, besonders = x1.3
        echt = 0 | x1.3
        total, voll, komplett = 0 | x1.5
        extrem, äußerst, außerordentlich, höchst, wahnsinnig, unheimlich, enorm, irre = x1.6
        völlig, vollkommen, absolut, ganz und gar, durchaus, vollends = x1.4
        ziemlich, recht = x1.1
        zu = x1.1
        gar, überhaupt = x1.3
        immer noch, noch immer, ständig, dauernd, andauernd, permanent = x1.3
        etwas, ein bisschen, bisschen, ein wenig, leicht, eher, etwas zu = x0.6
        relativ, halbwegs, einigermaßen = x0.8
        viel = x1.2

        # Erste Teile von Komposita.
        prefix: super, mega, hyper, ultra, sau, mords, riesen, tod, stink, stock, kreuz, grotten, bomben = x1.5
        prefix: spitzen, top, klasse, traum = 2.2 | x1.3
        prefix: mist, scheiß, dreck, drecks, horror, katastrophen, schrott, müll, kack = -2.5 | x1.3
        prefix: fehl, falsch = -1.2
        prefix: un = not
        """
}
