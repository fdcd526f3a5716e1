%% OTP's answers for the list BIFs: proper, improper and long lists, keys
%% that are equal but not exactly (1 and 1.0), and random '--' cases long
%% enough for OTP's set-based algorithm.
-module(bif_cases_erlang_lists).
-export([main/1]).

main(Dir) ->
    rand:seed(exsss, {3, 5, 7}),
    Ls = lists(),
    Keyed = [[], [{a, 1}], [{a, 1}, {b, 2}, {a, 3}], [{1, x}, {1.0, y}], [{1.0, y}, {1, x}],
             [x, {a}, {b, c}], [{a} | b], [{b} | b], [{a, 1} | {a, 2}],
             [{K, K * 2} || K <- lists:seq(1, 500)], a, <<1>>],
    Keys = [a, b, 1, 1.0, 2, 500, zz],
    KPos = [1, 2, 3, 0, -1, 1 bsl 64, 1.0, a],
    Cases =
        [run(erlang, F, [L]) || F <- [hd, tl, length], L <- Ls] ++
        [run(erlang, F, [A, B]) || F <- ['++', append], A <- Ls, B <- Ls] ++
        [run(erlang, F, [A, B]) || F <- ['--', subtract], A <- Ls, B <- Ls] ++
        [run(erlang, '--', [A, B]) || _ <- lists:seq(1, 60),
                                      A <- [rand_list(rand:uniform(300))],
                                      B <- [rand_list(rand:uniform(100))]] ++
        [run(lists, reverse, [A, B]) || A <- Ls, B <- [[], [z], a, [y | z]]] ++
        [run(lists, F, [K, N, L]) || F <- [keyfind, keymember, keysearch], K <- Keys,
                                     N <- KPos, L <- Keyed] ++
        [run(lists, member, [E, L]) || E <- [a, 1, 1.0, 3, [], {a}, 500], L <- Ls ++ Keyed],
    ok = file:write_file(filename:join(Dir, "bif_cases_erlang_lists.etf"),
                         term_to_binary(Cases)).

run(M, F, Args) ->
    {M, F, Args, try apply(M, F, Args) of R -> {ok, R} catch C:R -> {C, R} end}.

lists() ->
    [[], [a], [a, b], [1, 1.0, 2], [1.0], [1 | 2], [a | b], "hello", "lol",
     [{a}, [b], <<"c">>, #{d => e}], lists:seq(1, 1000), lists:seq(500, 2500, 3),
     a, 1, {1, 2}, <<1, 2>>].

rand_list(N) -> [rand_elem() || _ <- lists:seq(1, N)].

rand_elem() ->
    case rand:uniform(5) of
        1 -> rand:uniform(20);
        2 -> float(rand:uniform(20));
        3 -> lists:nth(rand:uniform(4), [a, b, c, d]);
        4 -> {rand:uniform(3)};
        5 -> [rand:uniform(3)]
    end.
