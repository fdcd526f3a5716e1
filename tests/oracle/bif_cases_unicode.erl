%% Oracle cases for the unicode module's BIFs: bin_is_7bit/1 on binaries of
%% every length around the ASCII boundary, bitstrings and non-binaries;
%% characters_to_binary/1,2,3 and characters_to_list/1,2 on hand-picked
%% chardata (valid, invalid and cut-short UTF-8, sequences split over
%% binaries, bad code points, non-chardata anywhere, rests at every depth)
%% and random deep chardata for the input encodings OTP's C BIFs take
%% (latin1, unicode, utf8); then, for every encoding in and out (the
%% conversions OTP's unicode.erl does in Erlang), each character encoded and
%% cut at every byte, short byte strings of every shape after valid
%% characters, characters split over two and three binaries and over an
%% improper tail, integers among binaries, binaries around the 8192 bytes
%% OTP converts at a time, random chardata, and encodings that are none.
%% Writes bif_cases_unicode.etf: [{Module, Function, Args, Outcome}].
-module(bif_cases_unicode).
-export([main/1]).

main(Dir) ->
    rand:seed(exsss, {25, 7, 7}),
    Cases = [outcome(M, F, A) || {M, F, A} <- calls()],
    ok = file:write_file(filename:join(Dir, "bif_cases_unicode.etf"), term_to_binary(Cases)).

outcome(M, F, A) ->
    Out = try apply(M, F, A) of R -> {ok, R} catch C:R -> {C, R} end,
    {M, F, A, Out}.

calls() ->
    bin_is_7bit_calls() ++
        [{unicode, F, [D, E]} || D <- fixed_data() ++ random_data(),
                                 F <- [characters_to_binary, characters_to_list],
                                 E <- [unicode, utf8, latin1]] ++
        [{unicode, F, [D, E]} || D <- ["abc", <<"abc">>, [], a],
                                 F <- [characters_to_binary, characters_to_list],
                                 E <- [foo, 1, {utf8, big}, "utf8", [], {latin1}]] ++
        [{unicode, F, [D]} || D <- fixed_data(),
                              F <- [characters_to_binary, characters_to_list]] ++
        encoding_calls().

bin_is_7bit_calls() ->
    Ascii = [list_to_binary([rand:uniform(128) - 1 || _ <- lists:seq(1, N)])
             || N <- [0, 1, 7, 8, 9, 64, 65, 300]],
    High = [<<B/binary, 128>> || B <- Ascii] ++ [<<255, B/binary>> || B <- Ascii] ++
        [<<"abc", 200, "def">>],
    Other = [<<1:3>>, <<65, 1:1>>, a, 1, [], "abc", {<<>>}],
    [{unicode, bin_is_7bit, [X]} || X <- Ascii ++ High ++ Other].

fixed_data() ->
    Euro = <<16#e2, 16#82, 16#ac>>,
    [[], <<>>, [[]], [<<>>], [[], <<>> | <<>>], "abc", <<"abc">>, [<<"abc">>],
     [1, 2, 16#110000, 3], [[1, -1, 2], 3], [[1, 16#D800, 2] | <<"ab">>],
     [16#D7FF, 16#E000, 16#FFFF, 16#10000, 16#10FFFF], [16#DFFF], [0, 127, 128, 255, 256],
     [2047, 2048, 65535, 65536], [-1], [1 bsl 59 - 1], [-(1 bsl 59)], [1 bsl 70], [1.0],
     <<"ab", 255, "cd">>, <<"ab", 16#e2, 16#82>>, [<<"ab", 16#e2, 16#82>>],
     [<<"ab", 16#e2, 16#82>>, "x"], [<<"ab", 16#e2, 16#82>> | <<16#ac>>],
     [<<"ab", 16#e2>>, <<16#82, 16#ac>>], [<<"ab", 16#e2>>, <<16#82>>, <<16#ac>>],
     [<<"ab", 16#e2>>, [[<<16#82>>], <<>>], <<16#ac, "z">>],
     [1, a], [1 | a], [a, 16#110000], [16#110000, a], [<<"a">>, <<1:1>>], <<1:1>>,
     [<<"x">> | <<1:1>>], [<<1:7>>], a, 1, {}, #{}, self(),
     <<"a", 16#C0, 16#80>>, <<"a", 16#C1, 16#BF>>, <<16#C2, 16#80>>, <<16#ED, 16#A0, 16#80>>,
     <<16#ED, 16#9F, 16#BF>>, <<16#EE, 16#80, 16#80>>, <<16#E0, 16#9F, 16#BF>>, <<16#E0, 16#A0, 16#80>>,
     <<16#F4, 16#90, 16#80, 16#80>>, <<16#F4, 16#8F, 16#BF, 16#BF>>, <<16#F0, 16#8F, 16#BF, 16#BF>>,
     <<16#F0, 16#90, 16#80, 16#80>>, <<16#F5, 16#80, 16#80, 16#80>>, <<16#F8, 16#88, 16#80, 16#80, 16#80>>,
     <<16#FF>>, <<16#80>>, <<"a", 16#BF, "b">>,
     <<16#F0, 16#80, 16#80>>, <<16#F0, 16#41>>, <<16#F0, 16#80, 16#41>>, <<16#E2, 16#41>>,
     <<"a", 16#C0>>, <<"a", 16#DF>>, <<16#E0>>, <<16#F7>>, <<16#F0, 16#90, 16#80>>,
     [<<16#E2, 16#41>>], [<<16#F0, 16#80, 16#41>>, "x"],
     [[[<<"ab", 200>>]], 3], [256], [255, <<200>>], [[<<"a">>], [1, 2, <<255, "b">>, 3] | <<"z">>],
     [<<"ab", 16#e2, 16#82>>, []], [<<"ab", 16#e2, 16#82>>, [[]] | <<>>], [<<"ab", 16#e2, 16#82>> | <<>>],
     ["ab", <<16#f0>>], [<<16#f0, 16#90>>, <<16#80>>], [<<16#f0, 16#90>>, <<16#80>>, <<16#80>>],
     [<<16#f0, 16#90>>, <<16#80>>, <<16#80>>, <<16#f0>>], [<<16#f0, 16#90>>, [<<16#80>>, <<16#80>>]],
     [<<16#f0, 16#90>>, 5], [<<16#f0, 16#90>>, [[5]]], [<<16#f0, 16#90>>, a],
     [<<16#e2>>, <<16#41>>, "rest"], [<<16#e2>>, [<<16#82, 16#41>>, 1] | <<"t">>],
     [<<16#e2, 16#82>>, <<16#41, 16#ac>>], [<<16#e2>>, <<>>, <<16#82>>, <<>>, <<16#ac>>],
     [[[[[<<"deep">>, 16#D800]]]]], [[[[[1]], 2], 3], 16#110000], [[], [[], [-5]]],
     [[<<"a">> | <<"b", 255>>] | <<"c">>], [<<"a">> | <<"b", 16#e2>>],
     [$a | <<"b", 16#e2, 16#82>>], [[$a | <<16#ff>>], "z"],
     [Euro, Euro, [Euro | Euro]], [[Euro], <<Euro/binary, 16#e2>>],
     lists:seq(0, 600), lists:seq(16#D780, 16#D810), lists:duplicate(3000, 16#1F600),
     binary:copy(Euro, 2000), [binary:copy(Euro, 100), 16#110000, binary:copy(<<"x">>, 50)],
     lists:duplicate(500, <<"ab", 16#c3>>), deep(2000, [1])].

deep(0, Acc) -> Acc;
deep(N, Acc) -> deep(N - 1, [Acc, N]).

random_data() ->
    [random_chardata(rand:uniform(4)) || _ <- lists:seq(1, 300)].

random_chardata(0) -> random_leaf();
random_chardata(Depth) ->
    Elems = [case rand:uniform(3) of
                 1 -> random_chardata(Depth - 1);
                 _ -> random_leaf()
             end || _ <- lists:seq(0, rand:uniform(5) - 1)],
    case rand:uniform(6) of
        1 -> Elems ++ random_bin();
        _ -> Elems
    end.

random_leaf() ->
    case rand:uniform(24) of
        N when N =< 8 -> random_char();
        N when N =< 16 -> random_bin();
        N when N =< 20 -> [random_char() || _ <- lists:seq(1, rand:uniform(4))];
        21 -> [];
        22 -> bad_char();
        23 -> <<>>;
        24 -> bad_elem()
    end.

random_char() ->
    case rand:uniform(5) of
        1 -> rand:uniform(128) - 1;
        2 -> rand:uniform(256) - 1;
        3 -> rand:uniform(16#800) - 1;
        4 -> 16#E000 + rand:uniform(16#1FFF);
        5 -> 16#10000 + rand:uniform(16#FFFFF) - 1
    end.

bad_char() ->
    lists:nth(rand:uniform(5), [-1, 16#D800 + rand:uniform(16#7FF), 16#110000,
                                16#110000 + rand:uniform(1000), -rand:uniform(1000)]).

bad_elem() ->
    case rand:uniform(40) of
        1 -> a;
        2 -> 1.5;
        3 -> <<5:3>>;
        4 -> 1 bsl 64;
        _ -> random_bin()
    end.

%% UTF-8 of a few characters, cut at a random point now and then, with a
%% stray byte now and then.
random_bin() ->
    Bin = unicode:characters_to_binary([random_char() || _ <- lists:seq(1, rand:uniform(4))]),
    case rand:uniform(6) of
        1 ->
            Cut = rand:uniform(byte_size(Bin) + 1) - 1,
            binary:part(Bin, 0, Cut);
        2 ->
            Cut = rand:uniform(byte_size(Bin) + 1) - 1,
            binary:part(Bin, Cut, byte_size(Bin) - Cut);
        3 ->
            <<Bin/binary, (lists:nth(rand:uniform(6), [16#80, 16#C0, 16#E0, 16#F0, 16#F8, 16#FF]))>>;
        _ ->
            Bin
    end.

%% Conversions done by unicode.erl's Erlang code.

encodings() ->
    [latin1, unicode, utf8, utf16, {utf16, big}, {utf16, little},
     utf32, {utf32, big}, {utf32, little}].

%% The bare atoms unicode, utf16 and utf32 mean what utf8, {utf16, big} and
%% {utf32, big} do: they get a sample of the data the others get in full.
encoding_calls() ->
    [{unicode, F, [D, E]} || E <- encodings() -- [latin1, unicode, utf8],
                             D <- sample(E, encoded_data(E)),
                             F <- [characters_to_binary, characters_to_list]] ++
        [{unicode, characters_to_binary, [D, In, Out]}
         || In <- encodings(), Out <- encodings(), D <- sample(In, sample(Out, three_data(In, Out)))] ++
        [{unicode, characters_to_binary, [D, In, Out]}
         || D <- [<<"abc">>, "abc", [], <<200>>, [<<"a">>], <<1:1>>, a],
            {In, Out} <- [{latin1, latin1}, {latin1, utf8}, {latin1, unicode},
                          {utf8, latin1}, {unicode, latin1}, {unicode, utf8},
                          {utf8, utf16}, {latin1, foo}, {foo, latin1}, {utf8, foo},
                          {foo, utf8}, {utf16, {utf16}}, {{utf16, middle}, utf8},
                          {{utf32, big, x}, utf8}, {utf8, {utf8, big}}, {utf16, "utf8"},
                          {{latin1, little}, utf16}, {utf32, 1}]] ++
        [{unicode, F, [D, E]} || D <- [<<0, 97>>, [0, 97], []],
                                 E <- [{utf16}, {utf16, middle}, {utf32, big, x},
                                       {big, utf16}, {utf8, little}, {"utf16", big}],
                                 F <- [characters_to_binary, characters_to_list]].

%% Characters encoded in E (in latin1, each taken modulo 256).
enc(Chars, latin1) -> list_to_binary([C band 255 || C <- Chars]);
enc(Chars, E) -> unicode:characters_to_binary(Chars, unicode, E).

sample(E, Data) when E =:= unicode; E =:= utf16; E =:= utf32 ->
    [D || {I, D} <- lists:enumerate(Data), I rem 5 =:= 0];
sample(_, Data) ->
    Data.

%% Characters of every encoded length.
sample_chars() ->
    [0, $a, 127, 128, 255, 256, 16#7FF, 16#800, 16#D7FF, 16#E000, 16#FFFD, 16#FFFE, 16#FFFF,
     16#10000, 16#1F600, 16#10FFFF].

cuts(B) -> [binary:part(B, 0, K) || K <- lists:seq(1, byte_size(B) - 1)].

splits(B) -> [{binary:part(B, 0, K), binary:part(B, K, byte_size(B) - K)}
              || K <- lists:seq(1, byte_size(B) - 1)].

%% Short byte strings of every shape an encoding can stumble on.
odd_bytes() -> [0, 16, 17, 16#7F, 16#80, 16#C2, 16#D7, 16#D8, 16#DB, 16#DC, 16#DF, 16#E0,
                16#E2, 16#F0, 16#F4, 16#FE, 16#FF].

short_bins() ->
    Bs = odd_bytes(),
    [<<A>> || A <- Bs] ++ [<<A, B>> || A <- Bs, B <- Bs] ++
        [<<A, B, C>> || A <- [0, 16#D8, 16#DC, 16#E2, 16#F0, 16#FE, 16#FF],
                        B <- [0, 16, 16#80, 16#D8, 16#DC, 16#FF],
                        C <- [0, 16#80, 16#DC, 16#D8, 16#E0]].

encoded_data(E) ->
    Valid = [enc(Cs, E) || Cs <- [[C] || C <- sample_chars()] ++ [sample_chars(), "abc", ""]],
    Multi = [enc([C], E) || C <- [16#20AC, 16#1F600, 255, 16#10FFFF]],
    Cut = lists:append([cuts(B) ++ [<<"a", X/binary>> || X <- cuts(B)] || B <- Multi]),
    Split = lists:append([[[X, Y], [X | Y], [X, Y, <<>>], [[X], [Y]], [X, [], Y, $z],
                           [X, $z, Y], [X, a, Y], [X | <<>>], [<<>>, X, Y | <<>>]]
                          || B <- Multi, {X, Y} <- splits(B)]),
    Three = [[binary:part(B, 0, 1), binary:part(B, 1, 1), binary:part(B, 2, byte_size(B) - 2)]
             || B <- Multi, byte_size(B) >= 3] ++
        [[binary:part(B, 0, 1), binary:part(B, 1, 1) | binary:part(B, 2, byte_size(B) - 2)]
         || B <- Multi, byte_size(B) >= 3] ++
        [[binary:part(B, 0, 1), [binary:part(B, 1, 1)], binary:part(B, 2, 1), <<"x">>]
         || B <- Multi, byte_size(B) >= 4],
    Short = short_bins(),
    Odd = Short ++ [<<(enc("ab", E))/binary, S/binary>> || S <- Short] ++
        [[enc("a", E), S] || S <- Short] ++ [[S, $a] || S <- Short] ++
        [[S | enc("a", E)] || S <- lists:sublist(Short, 1, 40)],
    Mixed = [[enc("ab", E), 16#1F600, [enc([16#10000], E)], 16#D800, enc("z", E)],
             [1, 2, [3, [16#110000, 4]] | enc("t", E)],
             [[enc("a", E), -1], 5], [[[enc("a", E)], [1 bsl 70]], 6], [-(1 bsl 70)],
             [enc("a", E), 1.0], [enc("a", E) | a], [enc("a", E) | 1],
             [enc("a", E), <<1:1>>], <<1:1>>, [<<7:3>>], a, 1, {}, self(),
             [[], [[]], <<>>, [<<>> | <<>>]], [16#10FFFF, 16#110000, 0], [16#DFFF],
             lists:seq(0, 300), lists:seq(16#D7F0, 16#E010),
             [enc("ab", E) | <<0>>], [[enc("ab", E) | <<0>>], "x"],
             [<<0>>, [<<0>>, <<0>>], [[<<0>>]], 5], [<<0>>, <<0>>, <<0>> | <<0>>]],
    Valid ++ Cut ++ Split ++ Three ++ Odd ++ Mixed ++ pending_data() ++ big_data(E) ++
        [random_encoded(E, rand:uniform(4)) || _ <- lists:seq(1, 300)].

%% Single bytes that leave a character pending, gathered from one binary
%% after another (still a possible character or not any more), then met by
%% a binary in the list, an improper tail, an integer or the end.
pending_data() ->
    Tails = [<<16#80, 16#41>>, <<0, 16#DC, 0>>, <<0, 0>>, <<16#DC>>],
    [Form || B1 <- [0, 16#D8, 16#E2, 16#F0, 16#FF], B2 <- [0, 17, 16#41, 16#80, 16#D8],
             T <- Tails,
             Form <- [[<<B1>>, <<B2>> | T], [<<B1>>, <<B2>>, T], [<<B1>>, <<B2>>, <<0>> | T],
                      [[<<B1>>, [<<B2>>]] | T], [<<B1>>, [<<B2>> | T]]]] ++
        [[<<B1>>, <<B2>>, X] || B1 <- [0, 16#D8, 16#E2, 16#F0], B2 <- [0, 16#80, 16#41],
                                X <- [5, [], [[]]]].

%% Binaries around OTP's 8192-byte pieces: characters across the cut,
%% errors and cut-short characters just before and after it.
big_data(E) ->
    Big = enc([$a | lists:duplicate(2100, 16#1F600)], E),
    Big2 = enc(lists:duplicate(2100, 16#1F600), E),
    Huge = enc(lists:duplicate(4100, 16#20AC), E),
    Around = [binary:part(Big, 0, K) || K <- lists:seq(8189, 8195)],
    Bad = [<<(binary:part(Big2, 0, K))/binary, 16#DC, 0, 16#FF, 16#FF, 16#FF, 16#FF>>
           || K <- [8188, 8190, 8192, 8194]],
    Around ++ Bad ++ [Big, Big2, Huge, [Big], [Big, 16#1F600], [Big | <<"x">>],
                      [<<"a">>, Big, <<"b">>], [[[Huge]], 5], [Huge | Big],
                      [binary:part(Big, 0, 8191) | binary:part(Big, 8191, 100)],
                      [binary:part(Big, 0, 8193), binary:part(Big, 8193, 100)],
                      [<<0>> | Big], [<<0>>, Big], [<<0, 0, 0>>, Huge]] ++
        [[<<0>> | X] || X <- lists:sublist(Bad, 2)] ++ [[X, 1] || X <- lists:sublist(Around, 3)].

random_encoded(E, 0) -> random_encoded_leaf(E);
random_encoded(E, Depth) ->
    Elems = lists:append([case rand:uniform(4) of
                              1 -> [random_encoded(E, Depth - 1)];
                              2 -> random_pieces(E);
                              _ -> [random_encoded_leaf(E)]
                          end || _ <- lists:seq(0, rand:uniform(5) - 1)]),
    case rand:uniform(6) of
        1 -> Elems ++ random_encoded_bin(E);
        _ -> Elems
    end.

%% One encoded binary in up to four pieces, to lie side by side in a list.
random_pieces(E) ->
    B = random_encoded_bin(E),
    Cuts = lists:usort([rand:uniform(byte_size(B) + 1) - 1 || _ <- lists:seq(1, 3)]),
    pieces(B, 0, Cuts).

pieces(B, At, []) -> [binary:part(B, At, byte_size(B) - At)];
pieces(B, At, [C | Cs]) -> [binary:part(B, At, C - At) | pieces(B, C, Cs)].

random_encoded_leaf(E) ->
    case rand:uniform(24) of
        N when N =< 8 -> random_char();
        N when N =< 16 -> random_encoded_bin(E);
        N when N =< 20 -> [random_char() || _ <- lists:seq(1, rand:uniform(4))];
        21 -> [];
        22 -> bad_char();
        23 -> <<>>;
        24 -> bad_elem()
    end.

random_encoded_bin(E) ->
    Bin = enc([random_char() || _ <- lists:seq(1, rand:uniform(4))], E),
    case rand:uniform(8) of
        1 ->
            binary:part(Bin, 0, rand:uniform(byte_size(Bin) + 1) - 1);
        2 ->
            Cut = rand:uniform(byte_size(Bin) + 1) - 1,
            binary:part(Bin, Cut, byte_size(Bin) - Cut);
        3 ->
            <<Bin/binary, (lists:nth(rand:uniform(6), [16#80, 16#D8, 16#DC, 16#F0, 16#FF, 0]))>>;
        _ ->
            Bin
    end.

%% Data for characters_to_binary/3 from In to Out.
three_data(In, Out) ->
    Mostly = case Out of latin1 -> latin1; _ -> In end,
    Fixed = [[], "abc", <<"abc">>, [255, 256], [-1], [0, -5], [16#D800], [16#110000],
             [1 bsl 70], [-(1 bsl 70)], [a], a, <<1:1>>, [1 | a], [16#110000 | a],
             [$a, [$b, [[$c, 300]]], $d], [enc("ab", In), 200, [enc([16#E9, 16#100], In)]],
             enc([16#E9, 16#FF, 16#100, 16#1F600], In), enc([16#E9, 16#FF], In),
             [enc([16#1F600], In) | <<0>>], lists:seq(0, 260)],
    Encoded = enc([16#E9, 16#20AC, $x], In),
    Cut = cuts(Encoded) ++ [[X, Y] || {X, Y} <- splits(Encoded)] ++
        [[X | Y] || {X, Y} <- splits(Encoded)],
    Short = [<<(enc("a", In))/binary, S/binary>> || S <- short_bins(), byte_size(S) < 3] ++
        [<<(enc("a", In))/binary, 0, 0, 0>>, <<(enc("a", In))/binary, 16#FE, 16#FF, 0>>,
         <<0, 0, 0>>, <<16#FF, 16#FF, 0>>, <<16#FE, 16#FF, 0>>],
    Big = enc([$a | lists:duplicate(8300 div byte_size(enc([16#E9], In)), 16#E9)], In),
    Fixed ++ Cut ++ Short ++ [D || {I, D} <- lists:enumerate(pending_data()), I rem 7 =:= 0] ++
        [Big, [Big, 233], [<<0>> | Big], binary:part(Big, 0, 8193)] ++
        [random_encoded_for(Mostly, In, rand:uniform(3)) || _ <- lists:seq(1, 25)].

%% Random chardata in In, of characters mostly within latin1 (Mostly).
random_encoded_for(latin1, In, Depth) ->
    limit_chars(random_encoded(In, Depth), In);
random_encoded_for(_, In, Depth) ->
    random_encoded(In, Depth).

limit_chars([H | T], In) -> [limit_chars(H, In) | limit_chars(T, In)];
limit_chars(I, _) when is_integer(I), I > 255, I < 16#110000 -> I band 255;
limit_chars(X, _) -> X.
