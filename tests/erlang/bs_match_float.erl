-module(bs_match_float).
-export([main/0, id/1]).

id(X) -> X.

main() ->
    Bins = [<<64, 9, 33, 251, 84, 68, 45, 24>>, <<63, 240, 0, 0, 0, 0, 0, 0>>, <<0:64>>, <<128, 0:56>>,
            <<127, 240, 0:48>>, <<127, 248, 0:48>>, <<255, 240, 0:48>>, <<0, 0, 0, 0, 0, 0, 0, 1>>],
    [erlang:display({B, f64(B), f64l(B), f32(B), f16(B)}) || B <- [id(X) || X <- Bins]],
    <<A:32/float, Bf:32/float-little, C:16/float>> = id(<<63, 192, 0, 0, 0, 0, 192, 63, 60, 0>>),
    erlang:display({A, Bf, C}),
    erlang:display([X || <<X:32/float>> <= id(<<63, 128, 0, 0, 64, 0, 0, 0, 127, 128, 0, 0, 64, 64, 0, 0>>)]),
    erlang:display([X || <<X:16/float>> <= id(<<60, 0, 192, 0, 123, 255, 124, 0, 0, 1, 53, 85>>)]),
    Fs = [0.1, 2.5e-5, -1.0e200, 7.0],
    erlang:display([F || <<F/float>> <= << <<X/float>> || X <- Fs >>] =:= Fs),
    erlang:display([float_to_list(F, [short]) || <<F:32/float>> <= << <<X:32/float>> || X <- [0.1, 1.0e-3, 3.4e38]>>]),
    ok.

f64(B) -> case B of <<F:64/float>> -> F; _ -> nomatch end.
f64l(B) -> case B of <<F:64/float-little>> -> F; _ -> nomatch end.
f32(B) -> case B of <<F:32/float, _/binary>> -> F; _ -> nomatch end.
f16(B) -> case B of <<F:16/float, _/binary>> -> F; _ -> nomatch end.
