/// English words and phrases of customer service, written for livehub. Scores run from -3 to 3;
/// `a / b` gives the value under negation; `xF` scales the next sentiment word; see `Lexicon`.
enum EnglishLexicon {
    static let source = """
        detect: the and is are was were i i'm im my you your it it's its this that to of for with have has had
        detect: been be me we they what why how can could would should please a an at on but just so very there
        detect: do does did don't get got will yet any all from by our us hi hello when where which if or about
        detect: than then now today yesterday tomorrow week weeks days still again order

        # Gratitude and politeness. A formula ("thanks in advance") carries nothing.
        thank, thankyou, thanku, thnks, tnx, ty, cheers = 1.5
        thank you, thank u, thanks you = 1.5
        many thanks, thanks a lot, thanks so much, thanks very much, thank you very much, thank you so much = 2.5
        thank u so much, thank you so so much, thanks a million, thanks heaps, thanks loads, thanks a bunch = 2.5
        tyvm, tysm, thanks again, thank you again, much appreciated, many many thanks, big thanks = 2.5
        thanks in advance, thank you in advance, thx in advance, tia, thanks anyway = 0
        thanks for nothing, thank you for nothing = -2.5
        appreciate, appreciated = 2
        grateful, thankful = 2
        kind = 1.5
        kind of, sort of, kinda, sorta = x0.7
        kind regards, best regards, warm regards, regards, best wishes = 0
        good morning, good afternoon, good evening, good day, good night = 0
        have a nice day, have a good day, have a great day, have a nice weekend, have a great weekend = 1
        have a good weekend, enjoy your day = 1
        would like, i'd like, id like, looks like, look like, feel like, like this, like that, something like = 0
        i like, like it, i liked, liked it, love it, loved it = 2
        like = 0 / -1.8
        love, loved, loving, lovely = 2.5
        you're welcome, no problem, no problems, not a problem, no worries, no probs, no prob, np = 1.2
        all good, all sorted, all fine, all set, sorted out = 1.5
        well done, good job, great job, nice one, keep it up, keep up the good work = 2
        made my day, you made my day, you're a star, youre a star, life saver, lifesaver = 2.5
        top notch, topnotch, spot on, works like a charm, above and beyond = 2.5
        came through, worked out = 1.2
        fair enough = 0.5
        no idea = -0.8
        not sure, no matter, not only, not just, no longer needed = 0

        # Praise and satisfaction.
        good = 1.5
        great = 2.5
        excellent, outstanding, superb, exceptional, fantastic, amazing = 3
        incredible = 2.5 | x1.5
        unbelievable = -1.5 | x1.5
        awesome, brilliant, wonderful, marvellous, marvelous, terrific, fabulous, stellar = 2.5
        pretty = 1.5 | x1.2
        fine = 0.8
        good enough = 1
        happy = 2
        glad = 1.8
        pleased = 2
        satisfied = 2
        delighted, thrilled, overjoyed = 2.8
        impressed = 2.5
        relieved, relief = 2
        friendly, courteous = 1.8
        helpful, supportive = 2
        polite = 1.5
        patient = 1.5
        professional, competent, knowledgeable = 1.5
        quick, fast, speedy, prompt, swift, rapid = 1
        quickly, promptly = 0.8
        easy, simple, smooth, painless, hassle free, hassle-free, straightforward = 1.2
        reliable, efficient, trustworthy = 1.5
        best = 2.5
        better = 1.2
        recommend, recommended = 2 / -2
        appreciate it = 2
        enjoy, enjoyed = 1.8
        wow = 1
        finally = 0.3
        beautiful, gorgeous = 2
        comfortable, comfy = 1.5
        worth it = 1.5
        correct = 0 / -1.2
        goods, later, latest, kindly, honestly = 0
        boring, bored = -1.5
        pleasant = 1.5
        usable = 0.8
        clear = 0.5
        acceptable = 1 / -2.2
        reasonable = 0.8
        generous = 2
        exactly what i needed, exactly what i wanted = 2

        # Things that were expected to happen: worth little when they do, a lot when they do not.
        work, works, working, functional, functioning = 0.5 / -2
        worked = 0.8 / -2
        fixed, solved, resolved, sorted = 1.5 / -1.8
        problem solved, issue solved, issue resolved, problem fixed = 2
        help, assistance = 0 / -1.5
        helps = 1.5 / -1.2
        helped = 1.8 / -1.5
        arrive, arrived, arriving, receive, received, recieved, recieve, delivered, deliver = 0 / -2
        got, get, gotten = 0 / -1
        come, came, showed up, turned up = 0 / -1.2
        answer, answers, answered, reply, replies, replied, response, responded, respond = 0 / -1.8
        callback, call back, called back, call me back, heard back, heard from = 0 / -1.8
        refund, refunds, reimbursement, compensation = 0 / -1.5
        refunded, reimbursed = 0.8 / -1.8
        processed, shipped, dispatched, updated = 0 / -1.5
        log in, login, sign in, logged in = 0 / -1.5
        money back = 0.5
        got my money back, have my money back, my money back = 1
        want my money back, i want a refund, want a refund, demand a refund, give me my money back = -2

        # Problems and complaints.
        bad = -2
        poor = -1.8
        terrible, horrible, awful, dreadful, horrendous, atrocious, abysmal = -2.8
        worst, worst ever = -3
        worse = -2
        useless, pointless, worthless = -2.5
        pathetic, ridiculous, absurd, laughable = -2.2
        unacceptable, inexcusable, outrageous, disgraceful, shameful, shocking, appalling, disgusting = -2.8
        rubbish, garbage, trash, junk, crap, crappy, shit, shitty, bs, bullshit = -2.5
        sucks, suck = -2.5
        scam, fraud, ripoff, rip off, scammed, cheated, ripped off = -3
        joke, a joke = -1.5
        nightmare, disaster, fiasco, shambles = -2.8
        mess, chaos = -1.8
        failed, failure, fails = -1.8
        broken, broke, busted = -2
        damaged, smashed, shattered, dented = -2
        defective, faulty, malfunctioning, malfunction = -2.2
        cracked, scratched, torn, ripped, stained, dirty, wet, soaked, leaking, leaks, leak = -1.5
        scratches, scratch = -1.2
        missing, lost, misplaced = -1.8
        wrong, incorrect = -1.5
        late, delayed, delay, delays, overdue = -1.5
        slow = -1.3
        stuck, frozen, freezes, hangs = -1.5
        crash, crashes, crashing, crashed = -1.8
        error, errors, bug, bugs, glitch, glitches = -1.2
        buggy = -1.8
        problem, problems, trouble, hassle = -1.2
        issue, issues = -1
        complaint, complaints, complain = -1.5
        disappointed, disappointing, disappointment, dissapointed, disapointed, dissapointing = -2.5
        letdown, let down = -2.2
        frustrated, frustrating, frustration = -2.5
        annoyed, annoying, irritated, irritating = -2.2
        angry, livid = -2.8
        furious, outraged = -3
        mad, pissed, pissed off = -2.5
        upset, unhappy, dissatisfied, displeased = -2.2
        sad = -1.5
        fed up, sick of, tired of, had enough, enough is enough, done with this, done with you = -2.5
        regret, regrets = -2.2
        worried, concerned, worry = -1.2
        confused, confusing, unclear, misleading = -1.5
        rude, disrespectful, arrogant, condescending = -2.5
        unfriendly = -2
        incompetent, clueless, amateurish = -2.8
        careless, sloppy, negligent = -2
        ignored, ignoring, ignore = -2.2
        waiting = -0.8
        still waiting, been waiting, waiting for ages, waiting forever, keep waiting, kept waiting = -1.8
        on hold = -1.2
        hung up, hang up = -1.5
        waste, wasted, waste of time, waste of money = -2.2
        overcharged, charged twice, double charged, charged me twice = -2.2
        blocked, locked out = -1.5
        cancelled, canceled = -0.5
        invalid = -1
        expensive, pricey = -1
        overpriced = -2
        nonsense = -2
        lie, lies, lied, lying, liar, liars = -2.5
        promised = -0.8
        never again, never ever = -2.5
        unfortunately, sadly = -0.5
        hopeless = -2.5
        impossible = -1.8
        speak to a manager, talk to a manager, speak to your manager, file a complaint = -1.5
        yet again, once again, again and again = -0.8
        not good enough = -2.2
        excuse, excuses = -1.5
        nobody cares, no one cares = -2.5
        lol = 0
        for days, for weeks, for months, for hours, for ages, for <n> days, for <n> weeks, for <n> hours = -1
        days now, weeks now, days later, weeks later, <n> days later, <n> weeks later = -1
        nothing yet, still nothing, still no news, no news yet = -1.5
        fell apart, falling apart, came apart, falls apart = -2
        stopped working, stops working, quit working, quit on me, gave up, died, dies, dead = -2
        cold = -1
        faded, stain, loose, wobbly, flickers, flickering = -1.2
        expired = -1
        busy, engaged = -0.8
        properly, went through, gone through = 0 / -1.5
        convinced = 1.5 / -1.8
        copy paste, same reply, standard reply, generic reply, automated reply, different answer = -1.5

        boundaries: and or because cause when which who after before until while whereas

        # Negation, contrast, scale.
        not, no, never, nothing, nobody, noone, no one, none, nowhere, neither, nor, without, cannot = not
        hardly, barely, not yet, no longer, not even, not anymore = not
        don't, dont, doesn't, doesnt, didn't, didnt, isn't, isnt, aren't, arent, wasn't, wasnt = not
        weren't, werent, haven't, havent, hasn't, hasnt, hadn't, hadnt, won't, wont, wouldn't = not
        wouldnt, can't, cant, couldn't, couldnt, shouldn't, shouldnt, ain't, aint, mustn't = not
        but, however, nevertheless, nonetheless = but
        although, though, even though, even if, despite, in spite of = although
        very, really, so, truly, genuinely, seriously, super duper = x1.3
        extremely, incredibly, exceptionally, insanely, unbelievably = x1.6
        absolutely, totally, completely, utterly, entirely, thoroughly = x1.4
        highly, deeply, particularly, especially, way = x1.3
        terribly, awfully, horribly = -2 | x1.3
        so much, so so, very very, really really, at all = x1.3
        too = x1.1
        still, always, constantly, keeps, kept = x1.3
        quite, rather, fairly = x0.9
        a bit, a little, bit, little, slightly, somewhat, a tad, mildly, a little bit = x0.6
        almost, nearly = x0.8
        much = x1.2

        # First parts of hyphenated compounds ("super-fast").
        prefix: super, mega, ultra, hyper = x1.5
        prefix: un = not
        """
}
