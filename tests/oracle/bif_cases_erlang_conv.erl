%% OTP's answers for integer/text and tuple/list conversions: every base,
%% integers around the small/big boundaries and random ones, malformed
%% text (signs, spaces, underscores, characters past Latin-1, bad tails).
-module(bif_cases_erlang_conv).
-export([main/1]).

main(Dir) ->
    rand:seed(exsss, {1, 2, 3}),
    Ints = [0, 1, -1, 9, 10, 35, 36, -36, (1 bsl 59) - 1, 1 bsl 59, -(1 bsl 59), -(1 bsl 59) - 1,
            1 bsl 64, -(1 bsl 64), 1 bsl 1000, -(3 bsl 777)] ++ [rnd() || _ <- lists:seq(1, 100)],
    Bad = [1.0, a, "1", <<"1">>, [], {1}],
    Bases = [2, 8, 10, 16, 36, 1, 37, 0, -10, 1 bsl 64, 10.0, a],
    Texts = ["0", "1", "-1", "+1", "-0", "+", "-", "", " 1", "1 ", "1_000", "12a", "ff", "FF",
             "fF", "z", "Z", "zz", "10", "0x10", "1.0", "--1", "+-1", [$1, 256], [$1 | $2],
             [$1, -1], [$1, a], "123456789012345678901234567890",
             "-123456789012345678901234567890", "576460752303423488", "-576460752303423489",
             lists:duplicate(400, $9), [$1, 0], "١", [16#131], [16#10031], [-207], [16#12B, $1],
             [$1, 16#12D], [$-, 16#131], [(1 bsl 64) + $1], [$1, 1.0]],
    TextBases = [2, 10, 16, 36, 1, 37, a],
    C1 = [run(erlang, F, [I]) || F <- [integer_to_list, integer_to_binary], I <- Ints ++ Bad],
    C2 = [run(erlang, F, [I, B]) || F <- [integer_to_list, integer_to_binary],
                                     I <- lists:sublist(Ints, 40) ++ Bad, B <- Bases],
    C3 = [run(erlang, list_to_integer, [T]) || T <- Texts ++ [a, <<"1">>, 1]] ++
         [run(erlang, list_to_integer, [T, B]) || T <- Texts, B <- TextBases] ++
         [run(erlang, list_to_integer, [integer_to_list(I, B), B])
          || I <- Ints, B <- [2, 7, 10, 16, 36]],
    C4 = [run(erlang, binary_to_integer, [bin(T)]) || T <- Texts ++ [a, "1", 1]] ++
         [run(erlang, binary_to_integer, [bin(T), B]) || T <- Texts, B <- TextBases] ++
         [run(erlang, binary_to_integer, [<<"12", 1:3>>]), run(erlang, binary_to_integer, [sub()])],
    C5 = [run(erlang, tuple_to_list, [T]) || T <- [{}, {a}, {1, 2, 3}, list_to_tuple(lists:seq(1, 300)),
                                                   [a], a, <<>>]] ++
         [run(erlang, list_to_tuple, [L]) || L <- [[], [a], [1, 2, 3], lists:seq(1, 300), [a | b],
                                                   a, {a}, "abc"]],
    ok = file:write_file(filename:join(Dir, "bif_cases_erlang_conv.etf"),
                         term_to_binary(C1 ++ C2 ++ C3 ++ C4 ++ C5)).

run(M, F, Args) ->
    {M, F, Args, try apply(M, F, Args) of R -> {ok, R} catch C:R -> {C, R} end}.

%% Text as a binary where it can be one (UTF-8 past Latin-1), else as is.
bin(T) when is_list(T) ->
    try list_to_binary(T) catch error:badarg ->
        try unicode:characters_to_binary(T) of B when is_binary(B) -> B; _ -> T
        catch error:badarg -> T end
    end;
bin(T) -> T.

sub() ->
    <<_:8, Rest/binary>> = <<"x-42">>,
    Rest.

rnd() ->
    case rand:uniform(3) of
        1 -> rand:uniform(1 bsl 62) - (1 bsl 61);
        2 -> rand:uniform(1 bsl 300) - (1 bsl 299);
        3 -> rand:uniform(1000000) - 500000
    end.
