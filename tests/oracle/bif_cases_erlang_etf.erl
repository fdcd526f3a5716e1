%% Oracle cases for term_to_binary/1,2, binary_to_term/1,2 and
%% external_size/1,2: a corpus of terms of every type under every option
%% (compressed, {compressed, 0..9}, {minor_version, 0..2}, deterministic) and
%% every kind of bad option; valid, truncated, corrupted, compressed and
%% padded encodings; safe decoding of atoms that exist (they are named in
%% the vectors) and of one that does not. Writes bif_cases_erlang_etf.etf:
%% [{Module, Function, Args, Outcome}].
-module(bif_cases_erlang_etf).
-export([main/1]).

main(Dir) ->
    rand:seed(exsss, {25, 7, 5}),
    Cases = [outcome(M, F, A) || {M, F, A} <- calls()],
    ok = file:write_file(filename:join(Dir, "bif_cases_erlang_etf.etf"), term_to_binary(Cases)).

outcome(M, F, A) ->
    Out = try apply(M, F, A) of R -> {ok, R} catch C:R -> {C, R} end,
    {M, F, A, Out}.

corpus() ->
    [0, 1, -1, 255, 256, -256, 1 bsl 31, 1 bsl 59, -(1 bsl 59), 1 bsl 64, -(1 bsl 300),
     0.0, -0.0, 1.5, 0.1, -1.0e300, a, 'hello world', 'Ω', list_to_atom(lists:duplicate(255, $z)),
     list_to_atom([233, 234]), [], "abc", lists:seq(1, 300), [1 | 2], [a, [b, [c | d]]], {},
     {a, 1}, list_to_tuple(lists:seq(1, 300)), <<>>, <<1, 2, 3>>, <<7:3>>,
     list_to_binary(lists:duplicate(1000, $x)), #{}, #{a => 1, b => [2]},
     maps:from_list([{I, integer_to_binary(I)} || I <- lists:seq(1, 60)]), self(), make_ref(),
     fun lists:map/2, fun(X) -> X end, fun() -> ok end,
     lists:foldl(fun(I, A) -> {I, A} end, nil, lists:seq(1, 500)),
     [{rand:uniform(1000), rand:uniform()} || _ <- lists:seq(1, 50)]].

options() ->
    [[], [compressed], [{compressed, 0}], [{compressed, 1}], [{compressed, 9}],
     [{minor_version, 0}], [{minor_version, 1}], [{minor_version, 2}], [deterministic],
     [deterministic, compressed, {minor_version, 0}], [{compressed, 3}, {compressed, 7}]].

bad_options() ->
    [a, [a], [compressed | a], [{compressed, 10}], [{compressed, -1}], [{compressed, a}],
     [{minor_version, 3}], [{minor_version, -1}], [{minor_version, 1.0}], [local], [safe],
     [{compressed}], [{compressed, 1, 2}], {compressed}].

%% An atom that no module names: safe decoding must refuse it.
unknown_atom_bin() ->
    Name = <<"kbeam_", (integer_to_binary(16#5eed))/binary, "_never_an_atom">>,
    <<131, 100, (byte_size(Name)):16, Name/binary>>.

bad_binaries() ->
    Good = term_to_binary({a, [1, 2], <<3>>}),
    Big = term_to_binary(lists:seq(1, 200), [compressed]),
    [<<>>, <<131>>, <<130, 97, 1>>, <<131, 97>>, <<131, 255>>, <<131, 104, 2, 97, 1>>,
     binary:part(Good, 0, byte_size(Good) - 1), binary:part(Big, 0, byte_size(Big) - 3),
     <<131, 80, 0, 0, 0, 10, 1, 2, 3>>, <<131, 100, 0, 3, "ab">>, <<1:1>>,
     <<(term_to_binary(a))/binary, 1:3>>, a, [131, 97, 1], 1, {<<131, 97, 1>>}].

calls() ->
    Corpus = corpus(),
    [{erlang, term_to_binary, [T]} || T <- Corpus] ++
        [{erlang, term_to_binary, [T, O]} || T <- Corpus, O <- options()] ++
        [{erlang, term_to_binary, [T, O]} || T <- [a, [1]], O <- bad_options()] ++
        [{erlang, binary_to_term, [term_to_binary(T, O)]} || T <- Corpus,
                                                              O <- [[], [compressed]]] ++
        [{erlang, binary_to_term, [<<(term_to_binary(T))/binary, 1, 2, 3>>]} || T <- [a, [1]]] ++
        [{erlang, binary_to_term, [B]} || B <- bad_binaries()] ++
        [{erlang, binary_to_term, [term_to_binary(T, [compressed]), O]}
         || T <- Corpus, O <- [[], [used]]] ++
        %% safe refuses an external fun whose export entry does not exist
        %% yet: lists is loaded in OTP, not in the test's kbeam.
        [{erlang, binary_to_term, [term_to_binary(T, [compressed]), O]}
         || T <- Corpus, not is_function(T) orelse erlang:fun_info(T, type) =/= {type, external},
            O <- [[safe], [safe, used]]] ++
        [{erlang, binary_to_term, [<<(term_to_binary(T))/binary, 1, 2, 3>>, [used]]}
         || T <- [a, [1]]] ++
        [{erlang, binary_to_term, [B, O]} || B <- bad_binaries() ++ [unknown_atom_bin()],
                                             O <- [[], [safe], [used]]] ++
        [{erlang, binary_to_term, [term_to_binary(a), O]} || O <- [a, [a], [safe | used], {safe}]] ++
        [{erlang, external_size, [T]} || T <- Corpus] ++
        [{erlang, external_size, [T, O]} || T <- Corpus,
                                            O <- [[], [{minor_version, 0}], [{minor_version, 1}]]] ++
        [{erlang, external_size, [a, O]} || O <- bad_options() ++ [[{minor_version, 2}],
                                                                   [compressed], [deterministic]]].
