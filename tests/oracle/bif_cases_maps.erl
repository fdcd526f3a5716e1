%% Oracle cases for the maps module's BIFs: flatmaps and HAMTs (sizes 0 to
%% 200, across the 32/33 boundary both ways), keys of every type (integers
%% vs floats, 0.0 and -0.0, bignums, binaries, tuples, nested maps), present
%% and absent keys, non-map arguments ({badmap, M}), missing keys
%% ({badkey, K}) and malformed lists (badarg). Maps over 32 keys use
%% non-atom keys only: their order depends on the atom table (see README).
%% Writes bif_cases_maps.etf: [{Module, Function, Args, Outcome}].
-module(bif_cases_maps).
-export([main/1]).

main(Dir) ->
    rand:seed(exsss, {25, 7, 3}),
    Cases = [outcome(M, F, A) || {M, F, A} <- calls()],
    ok = file:write_file(filename:join(Dir, "bif_cases_maps.etf"), term_to_binary(Cases)).

outcome(M, F, A) ->
    Out = try apply(M, F, A) of R -> {ok, R} catch C:R -> {C, R} end,
    {M, F, A, Out}.

ikeys(N) -> lists:seq(1, N).
imap(N) -> maps:from_list([{K, K * 10} || K <- ikeys(N)]).
mixed_key(I) ->
    case I rem 6 of
        0 -> I;
        1 -> float(I);
        2 -> integer_to_binary(I);
        3 -> {I, [I]};
        4 -> I + (1 bsl 70);
        5 -> [I | I]
    end.
mmap(N) -> maps:from_list([{mixed_key(I), I} || I <- lists:seq(1, N)]).

maps_() ->
    Sizes = [0, 1, 2, 5, 31, 32, 33, 34, 40, 64, 100, 200],
    [#{a => 1, b => 2, c => 3}, #{1 => a, 1.0 => b}, #{0.0 => zero},
     #{-0.0 => negzero}, #{[] => nil, {} => tup, <<>> => bin, #{} => map},
     #{#{a => 1} => nested, {a, b} => t}] ++
        [imap(N) || N <- Sizes] ++ [mmap(N) || N <- Sizes].

keys_() ->
    [0, 1, 2, 1.0, 0.0, -0.0, 10, 32, 33, 34, 50, 199, 200, 201, -1, 1 bsl 70,
     (1 bsl 70) + 4, <<"2">>, <<"8">>, {3, [3]}, {4, [4]}, a, b, c, z, [], {}, <<>>,
     #{}, #{a => 1}, {a, b}, [7 | 7], 7.0, 13.0, "x"].

not_maps() -> [a, 1, [], {}, <<>>, [{a, 1}], 1.0].

calls() ->
    Maps = maps_(),
    Keys = keys_(),
    [{maps, F, [K, M]} || F <- [get, find, is_key, remove, take], M <- Maps, K <- Keys] ++
        [{erlang, map_get, [K, M]} || M <- Maps, K <- Keys] ++
        [{erlang, map_get, [a, X]} || X <- not_maps()] ++
        [{maps, F, [K, X]} || F <- [get, find, is_key, remove, take], K <- [a, 1],
                              X <- not_maps()] ++
        [{maps, F, [K, new, M]} || F <- [put, update], M <- Maps, K <- Keys] ++
        [{maps, F, [a, new, X]} || F <- [put, update], X <- not_maps()] ++
        [{maps, F, [M]} || F <- [keys, values], M <- Maps] ++
        [{maps, F, [X]} || F <- [keys, values], X <- not_maps()] ++
        [{maps, merge, [A, B]} || A <- merges(), B <- merges()] ++
        [{maps, merge, [A, B]} || {A, B} <- [{a, #{}}, {#{}, b}, {a, b}, {[], #{a => 1}}]] ++
        [{maps, from_list, [L]} || L <- lists_()] ++
        [{maps, from_keys, [L, v]} || L <- key_lists()] ++
        random_calls(Maps).

merges() ->
    [#{}, #{a => 1}, #{a => 2, b => 3}, #{0.0 => x}, #{-0.0 => y}, #{1 => i, 1.0 => f},
     imap(20), imap(32), imap(33), imap(100),
     maps:from_list([{K, other} || K <- lists:seq(15, 45)]),
     maps:from_list([{K, other} || K <- lists:seq(90, 130)]), mmap(50)].

lists_() ->
    [[], [{a, 1}], [{a, 1}, {a, 2}], [{b, 1}, {a, 2}, {b, 3}], [{1, x}, {1.0, y}],
     [{0.0, x}, {-0.0, y}], [{-0.0, x}, {0.0, y}],
     [{K, K} || K <- lists:seq(1, 32)], [{K, K} || K <- lists:seq(1, 33)],
     [{K rem 40, K} || K <- lists:seq(1, 100)], [{mixed_key(K), K} || K <- lists:seq(1, 150)],
     [{a, 1} | b], [{a, 1}, b], [{a, 1, 2}], [{a}], a, <<>>, {a, 1}, [[a, 1]], [{a, 1} | {}]].

key_lists() ->
    [[], [a], [a, a], [b, a, c], [1, 1.0, 0.0, -0.0], lists:seq(1, 32), lists:seq(1, 33),
     [K rem 50 || K <- lists:seq(1, 120)], [mixed_key(K) || K <- lists:seq(1, 80)],
     [a | b], a, <<1>>, #{a => 1}].

random_calls(Maps) ->
    Big = [M || M <- Maps, maps:size(M) > 32],
    lists:append([[{maps, put, [rand:uniform(300), x, M]},
                   {maps, remove, [rand:uniform(300), M]},
                   {maps, take, [rand:uniform(300), M]},
                   {maps, get, [mixed_key(rand:uniform(250)), M]}]
                  || M <- Big, _ <- lists:seq(1, 10)]).
