%% OTP's answers for the type tests and the size BIFs, on a term of every
%% type, with good and bad second arguments.
-module(bif_cases_erlang_types).
-export([main/1]).

main(Dir) ->
    Ts = terms(),
    One = [is_atom, is_binary, is_bitstring, is_boolean, is_float, is_function, is_integer,
           is_list, is_map, is_number, is_pid, is_port, is_reference, is_tuple,
           map_size, tuple_size, byte_size, bit_size, size],
    Arities = [0, 1, 2, 3, -1, 1 bsl 64, 255, 256, 1.0, a],
    Tags = [a, rec, '', 1, "rec"],
    Sizes = [0, 1, 2, 3, 4, -1, 1 bsl 64, 2.0, a],
    Keys = [a, 1, 1.0, b, [], {a}],
    Cases =
        [run(erlang, F, [T]) || F <- One, T <- Ts] ++
        [run(erlang, is_function, [T, A]) || T <- Ts, A <- Arities] ++
        [run(erlang, is_record, [T, Tag]) || T <- Ts ++ records(), Tag <- Tags] ++
        [run(erlang, is_record, [T, Tag, S]) || T <- Ts ++ records(), Tag <- Tags, S <- Sizes] ++
        [run(erlang, is_map_key, [K, M]) || K <- Keys, M <- Ts],
    ok = file:write_file(filename:join(Dir, "bif_cases_erlang_types.etf"),
                         term_to_binary(Cases)).

run(M, F, Args) ->
    {M, F, Args, try apply(M, F, Args) of R -> {ok, R} catch C:R -> {C, R} end}.

records() -> [{rec}, {rec, 1}, {rec, 1, 2}, {1, rec}, {"rec", 1}, {'', 2}].

terms() ->
    Y = 2,
    [0, -5, 1 bsl 59, -(1 bsl 70), 1.5, -0.0, a, true, false, 'B', [], [1, 2], [1 | 2],
     "abc", lists:seq(1, 1000), [a | b], {}, {a, 1}, {rec, 1, 2}, #{}, #{a => 1, 1.0 => 2},
     maps:from_list([{I, I} || I <- lists:seq(1, 40)]), <<>>, <<1, 2, 3>>, <<1:1>>,
     <<1, 2, 3:5>>, list_to_binary(lists:duplicate(100, 7)),
     fun erlang:abs/1, fun lists:foldl/3, fun(X) -> X + Y end, fun() -> ok end,
     self(), make_ref(), hd(erlang:ports())].
