%% Oracle cases for the unicode module's BIFs: bin_is_7bit/1 on binaries of
%% every length around the ASCII boundary, bitstrings and non-binaries;
%% characters_to_binary/2 and characters_to_list/2 on hand-picked chardata
%% (valid, invalid and cut-short UTF-8, sequences split over binaries, bad
%% code points, non-chardata anywhere, rests at every depth) and random deep
%% chardata, for the input encodings OTP's C BIFs take (latin1, unicode,
%% utf8) and for encodings that are none. utf16/utf32 inputs are left out:
%% OTP converts those in Erlang code, kbeam does not (see unicode.c).
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
                                 E <- [foo, 1, {utf8, big}, "utf8", [], {latin1}]].

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
