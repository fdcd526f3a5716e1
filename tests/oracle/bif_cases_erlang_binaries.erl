%% Oracle cases for the erlang module's binary and iolist BIFs: iolists
%% nested and flat, with binary tails, bitstrings in and out of place, bad
%% bytes (-1, 256, bignums, floats, atoms), improper tails; binaries of 0 to
%% 300 bytes (heap and off-heap sizes), bitstrings, and positions and lengths
%% at, inside and past every boundary, negative lengths, bignums.
%% Writes bif_cases_erlang_binaries.etf: [{Module, Function, Args, Outcome}].
-module(bif_cases_erlang_binaries).
-export([main/1]).

main(Dir) ->
    rand:seed(exsss, {25, 7, 4}),
    Cases = [outcome(M, F, A) || {M, F, A} <- calls()],
    ok = file:write_file(filename:join(Dir, "bif_cases_erlang_binaries.etf"),
                         term_to_binary(Cases)).

outcome(M, F, A) ->
    Out = try apply(M, F, A) of R -> {ok, R} catch C:R -> {C, R} end,
    {M, F, A, Out}.

bin(N) -> list_to_binary([I rem 256 || I <- lists:seq(1, N)]).

bins() ->
    [<<>>, <<0>>, <<1, 2, 3>>, bin(10), bin(64), bin(65), bin(300)].

bitstrings() -> [<<1:1>>, <<5:3>>, <<1, 2, 3:4>>, <<255, 7:7>>, <<(bin(70))/binary, 1:1>>].

iolists() ->
    Deep = lists:foldl(fun(I, Acc) -> [I, Acc, <<I>>] end, [], lists:seq(1, 200)),
    [[], [1, 2, 3], "hello", [<<"ab">>, $c | <<"de">>], [[], [[]], [[[1]]]],
     [bin(100), [bin(65) | bin(3)], 255, 0], [<<>> | <<>>], [[1 | <<2>>], 3 | <<4>>],
     Deep, lists:seq(0, 255), [bin(64), bin(64)], [[[[[[[[[[[[7]]]]]]]]]]]]].

bad_iolists() ->
    [[256], [-1], [1 bsl 64], [1.0], [a], [1 | 2], [1 | a], [[1 | 2]], [<<1:1>>],
     [1, 2 | <<3:3>>], [{}], [[<<1>>, self()]], a, 1, {1}, #{}, 1.5].

bit_lists() ->
    [[<<1:1>>], [1, <<3:2>>, 2], [<<1:1>>, <<1:7>>], [1 | <<1:1>>], [[<<5:3>>] | <<7:3>>],
     [<<1:1>>, [<<0:3>>, 255], bin(70), <<1:5>>], [bin(65), <<1:1>> | <<2:2>>]].

positions() -> [0, 1, 2, 3, 9, 10, 11, 63, 64, 65, 66, 299, 300, 301].

calls() ->
    Bins = bins() ++ bitstrings(),
    NotBins = [a, 1, [], [1], {<<>>}, 1.0],
    [{erlang, F, [L]} || F <- [list_to_binary, iolist_to_binary, iolist_size, list_to_bitstring],
                         L <- iolists() ++ bad_iolists() ++ bit_lists() ++ Bins] ++
        [{erlang, F, [B]} || F <- [binary_to_list, bitstring_to_list], B <- Bins ++ NotBins] ++
        [{erlang, binary_to_list, [B, S, E]} || B <- Bins, S <- [0, 1, 2, 3, 65, 300, 301, a],
                                                E <- [0, 1, 2, 3, 10, 65, 300, 301, -1]] ++
        [{erlang, binary_part, [B, P, L]} || B <- Bins, P <- positions(),
                                              L <- [0, 1, 2, -1, -2, 10, -10, 64, -64, 65, 300,
                                                    -300, 1 bsl 64, -(1 bsl 64)]] ++
        [{erlang, binary_part, [B, {P, L}]} || B <- Bins, P <- [0, 1, 3, 65], L <- [0, 2, -1, 66]] ++
        [{erlang, binary_part, [B, X]} || B <- [<<1, 2>>, a],
                                          X <- [{0}, {0, 1, 2}, [0, 1], {a, 1}, {0, 1.0}, {-1, 1}]] ++
        [{erlang, binary_part, [X, 0, 0]} || X <- NotBins] ++
        [{erlang, split_binary, [B, P]} || B <- Bins, P <- positions() ++ [-1, 1 bsl 64, a]] ++
        [{erlang, split_binary, [X, 0]} || X <- NotBins] ++
        [{erlang, list_to_binary, [random_iolist(4)]} || _ <- lists:seq(1, 50)] ++
        [{erlang, list_to_bitstring, [random_bitlist(4)]} || _ <- lists:seq(1, 50)].

random_iolist(0) -> rand:uniform(256) - 1;
random_iolist(D) ->
    case rand:uniform(4) of
        1 -> rand:uniform(256) - 1;
        2 -> bin(rand:uniform(80));
        _ -> [random_iolist(D - 1) || _ <- lists:seq(1, rand:uniform(5))]
    end.

random_bitlist(0) -> <<(rand:uniform(1000)):(rand:uniform(12))>>;
random_bitlist(D) ->
    case rand:uniform(4) of
        1 -> rand:uniform(256) - 1;
        2 -> <<(bin(rand:uniform(70)))/binary, (rand:uniform(100)):(rand:uniform(7))>>;
        _ -> [random_bitlist(D - 1) || _ <- lists:seq(1, rand:uniform(5))]
    end.
