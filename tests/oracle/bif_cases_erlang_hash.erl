%% Oracle cases for erlang:phash/2 and erlang:phash2/1,2: a corpus of terms
%% of every type, each hashed with ranges from 1 to 2^32, plus every kind
%% of bad range (0, negative, 2^32 + 1, bignums, floats, non-numbers).
%% Writes bif_cases_erlang_hash.etf: [{Module, Function, Args, Outcome}].
-module(bif_cases_erlang_hash).
-export([main/1]).
-compile({nowarn_deprecated_function, [{erlang, phash, 2}]}).

main(Dir) ->
    rand:seed(exsss, {25, 7, 2}),
    Cases = [outcome(M, F, A) || {M, F, A} <- calls()],
    ok = file:write_file(filename:join(Dir, "bif_cases_erlang_hash.etf"),
                         term_to_binary(Cases)).

outcome(M, F, A) ->
    Out = try apply(M, F, A) of R -> {ok, R} catch C:R -> {C, R} end,
    {M, F, A, Out}.

terms() ->
    Big = [1 bsl 59, (1 bsl 59) - 1, -(1 bsl 59), 1 bsl 60, 1 bsl 64, -(1 bsl 64),
           1 bsl 200, 12345678901234567890123456789],
    Rand = [rand:uniform(1 bsl 40) || _ <- lists:seq(1, 30)] ++
        [list_to_binary([rand:uniform(256) - 1 || _ <- lists:seq(1, rand:uniform(40))])
         || _ <- lists:seq(1, 30)] ++
        [{rand:uniform(100), [rand:uniform(100)], rand:uniform()} || _ <- lists:seq(1, 20)],
    [0, 1, -1, 42, 255, 256, 65536, 0.0, -0.0, 1.5, -2.5e100, a, 'hello world', 'Ω',
     [], "abc", [1 | 2], [a, [b, [c]]], {}, {a, 1}, <<>>, <<1, 2, 3>>, <<1:1>>,
     <<5:13>>, list_to_binary(lists:seq(0, 255)), #{}, #{a => 1, 2 => b},
     maps:from_list([{I, I * I} || I <- lists:seq(1, 40)]), lists:seq(1, 300),
     self(), make_ref(), fun lists:map/2, fun(X) -> X end] ++ Big ++ Rand.

ranges() ->
    [1, 2, 7, 1000, 1 bsl 27, (1 bsl 27) + 1, (1 bsl 31), (1 bsl 32) - 1, 1 bsl 32].

bad_ranges() ->
    [0, -1, -(1 bsl 32), (1 bsl 32) + 1, 1 bsl 64, 1 bsl 100, 1.0, 1000.0, a, [], <<1>>].

calls() ->
    [{erlang, phash2, [T]} || T <- terms()] ++
        [{erlang, F, [T, R]} || F <- [phash, phash2], T <- terms(), R <- ranges()] ++
        [{erlang, F, [T, R]} || F <- [phash, phash2], T <- [0, a, [1]], R <- bad_ranges()].
