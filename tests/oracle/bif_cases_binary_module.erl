%% Oracle cases for the binary module's BIFs: positions at and past every
%% end, empty and large binaries, bitstrings, unsigned integers of every
%% size in both byte orders, iolists, common prefixes and suffixes, and
%% searches with one and several (overlapping, nested, repeated) patterns,
%% scopes (negative lengths, at the ends, outside) and split's global, trim
%% and trim_all. compile_pattern/1 returns a reference in OTP, so only its
%% failures are compared here. Writes bif_cases_binary_module.etf:
%% [{Module, Function, Args, Outcome}].
-module(bif_cases_binary_module).
-export([main/1]).

main(Dir) ->
    rand:seed(exsss, {25, 7, 6}),
    Cases = [outcome(M, F, A) || {M, F, A} <- calls()],
    ok = file:write_file(filename:join(Dir, "bif_cases_binary_module.etf"),
                         term_to_binary(Cases)).

outcome(M, F, A) ->
    Out = try apply(M, F, A) of R -> {ok, R} catch C:R -> {C, R} end,
    {M, F, A, Out}.

bin(N) -> list_to_binary([I rem 256 || I <- lists:seq(1, N)]).

bins() -> [<<>>, <<0>>, <<1, 2, 3>>, bin(64), bin(65), bin(300)].
bad() -> [a, 1, [], [1], {<<1>>}, <<1:3>>, <<1, 2:4>>, 1.0].

subjects() ->
    [<<>>, <<"a">>, <<"abc">>, <<"abcabc">>, <<"aaaa">>, <<"a,b,,c,,">>, <<",,a,,">>,
     <<"hello world hello">>, list_to_binary(lists:duplicate(100, "ab,")),
     list_to_binary([rand:uniform(3) + $a - 1 || _ <- lists:seq(1, 200)])].

patterns() ->
    [<<"a">>, <<"b">>, <<",">>, <<"ab">>, <<"abc">>, <<"aa">>, <<"zz">>, <<"hello">>,
     [<<"a">>], [<<"a">>, <<"ab">>], [<<"ab">>, <<"a">>], [<<"b">>, <<"c">>],
     [<<"a">>, <<"a">>], [<<"bc">>, <<"abc">>, <<"c">>], [<<",">>, <<",,">>],
     [<<"aaa">>, <<"aa">>, <<"b">>]].

%% Not here: tuples shaped like kbeam's compiled patterns ({bm, Bin},
%% {ac, {Bin...}}), which OTP refuses (its second element is a reference)
%% and kbeam takes as compiled patterns.
bad_patterns() -> [<<>>, [], [<<>>], [<<"a">>, <<>>], [<<"a">> | <<"b">>], a, [a], <<1:3>>,
                   {bm, a}, {ac, []}, 1].

scopes(S) ->
    N = byte_size(S),
    [{0, N}, {0, 0}, {1, N - 1}, {N, 0}, {N, -N}, {N div 2, N div 2}, {0, N + 1},
     {N + 1, 0}, {1, -2}, {-1, 1}, {a, 1}].

split_opts() ->
    [[], [global], [trim], [trim_all], [global, trim], [global, trim_all],
     [global, trim, trim_all]].

calls() ->
    Bins = bins(),
    [{binary, at, [B, P]} || B <- Bins ++ bad(), P <- [0, 1, 2, 3, 64, 65, 299, 300, -1, a]] ++
        [{binary, F, [B]} || F <- [first, last, copy, decode_unsigned, referenced_byte_size],
                             B <- Bins ++ bad()] ++
        [{binary, copy, [B, N]} || B <- Bins ++ bad(), N <- [0, 1, 2, 5, -1, a]] ++
        [{binary, decode_unsigned, [B, E]} || B <- Bins ++ bad(), E <- [big, little, middle]] ++
        [{binary, encode_unsigned, [I]} || I <- unsigneds()] ++
        [{binary, encode_unsigned, [I, E]} || I <- unsigneds(), E <- [big, little, middle]] ++
        [{binary, list_to_bin, [L]} || L <- [[], [1, 2], [<<1>>, [2 | <<3>>]], "abc",
                                             [bin(100), bin(3)], [256], [a], <<1>>, a, [1 | 2],
                                             [<<1:1>>]]] ++
        [{binary, F, [L]} || F <- [longest_common_prefix, longest_common_suffix],
                             L <- prefix_lists()] ++
        [{binary, part, [B, P, L]} || B <- Bins ++ bad(), P <- [0, 1, 3, 65, 301, -1],
                                      L <- [0, 1, -1, 2, 64, -64, 300, a]] ++
        [{binary, part, [B, PL]} || B <- Bins, PL <- [{0, 1}, {1, 2}, {3, -3}, {0}, a]] ++
        [{binary, F, [S, P]} || F <- [match, matches, split], S <- subjects(),
                                P <- patterns() ++ bad_patterns()] ++
        [{binary, F, [X, <<"a">>]} || F <- [match, matches, split], X <- bad()] ++
        [{binary, F, [S, P, [{scope, Sc}]]} || F <- [match, matches, split], S <- subjects(),
                                               P <- patterns(), Sc <- scopes(S)] ++
        [{binary, F, [<<"abc">>, <<"b">>, O]} || F <- [match, matches, split],
                                                 O <- [a, [a], [{scope, 1}], [{scope, {0, 1} }| a],
                                                       [{scope, {0, 1}}, {scope, {1, 2}}],
                                                       [global]]] ++
        [{binary, split, [S, P, O]} || S <- subjects(), P <- patterns(), O <- split_opts()] ++
        [{binary, split, [S, P, [{scope, Sc} | O]]}
         || S <- [<<"a,b,,c,,">>, <<",,a,,">>, <<"abcabc">>], P <- [<<",">>, <<"a">>],
            Sc <- scopes(S), O <- split_opts()] ++
        [{binary, compile_pattern, [P]} || P <- bad_patterns()].

unsigneds() ->
    [0, 1, 255, 256, 65535, 65536, 1 bsl 56, (1 bsl 59) - 1, 1 bsl 59, 1 bsl 64, 1 bsl 100,
     (1 bsl 200) - 1, -1, -(1 bsl 70), 1.0, a].

prefix_lists() ->
    [[<<"abc">>], [<<"abc">>, <<"abd">>], [<<"abc">>, <<"xbc">>], [<<>>, <<"a">>],
     [<<"same">>, <<"same">>, <<"same">>], [bin(100), bin(99)], [bin(100), bin(300)],
     [<<"ab">>, <<"abc">>, <<"b">>], [], [a], [<<"a">> | <<"b">>], a, [<<1:3>>],
     [<<"a">>, <<1, 2:5>>]].
